"""The README's nginx steps, followed line by line on Debian's packaged nginx configuration (in a
folder standing for /etc): `nginx -t` passes, and the result serves as the README says."""

import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.servers import PROJECT_DIR, free_port

NGINX = Path("/usr/sbin/nginx")
HOST = "www.eclaclinic.ae"
PHONE = "+971 4 123 4567"
# What the test does instead: nothing to install, no service manager, its own certificate.
NOT_RUN = ("sudo apt-get ", "sudo certbot ", "sudo systemctl ")


def readme_nginx_lines():
    readme = (PROJECT_DIR / "README.md").read_text()
    section = readme.split("## Running in production", 1)[1].split("### nginx", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def self_signed_certificate(folder):
    folder.mkdir(parents=True)
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    files = ["-keyout", folder / "privkey.pem", "-out", folder / "fullchain.pem"]
    subprocess.run(
        [*command, *files, "-subj", f"/CN={HOST}"],
        check=True,
        capture_output=True,
    )


def point_paths_into(root):
    """Debian's files and ours name /etc, /var/log and /run: in the copy, they name the copy."""
    (root / "log").mkdir(exist_ok=True)
    for path in (root / "etc/nginx").rglob("*"):
        if path.is_file():
            text = path.read_text(errors="surrogateescape")
            for real, copy in (
                ("/etc/", f"{root}/etc/"),
                ("/var/log/nginx/", f"{root}/log/"),
                ("/run/nginx.pid", f"{root}/nginx.pid"),
            ):
                text = text.replace(real, copy)
            path.write_text(text, errors="surrogateescape")


@pytest.fixture(scope="module")
def installed():
    """Debian's /etc/nginx after the README's lines, in a folder of the test's own."""
    if not NGINX.exists():
        pytest.fail("nginx is missing: run `make setup`.")
    # nginx's workers run as www-data: the error pages must be readable by it.
    root = Path(tempfile.mkdtemp(prefix="ecla-nginx-"))
    root.chmod(0o755)
    # Links followed: Debian's sites-enabled/default becomes a file the README's rm removes.
    shutil.copytree("/etc/nginx", root / "etc/nginx", symlinks=False)
    self_signed_certificate(root / f"etc/letsencrypt/live/{HOST}")
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        SITE_HOST=HOST,
        CLINIC_PHONE=PHONE,
        DJANGO_SECRET_KEY="insecure-key-for-tests-only",
        DJANGO_HTTPS="false",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    )
    checks = []
    for line in readme_nginx_lines():
        if line.startswith(NOT_RUN):
            continue
        line = line.replace("sudo ", "").replace("/etc/", f"{root}/etc/")
        if line == "nginx -t":
            point_paths_into(root)
            checks.append(
                subprocess.run(
                    [NGINX, "-t", "-c", root / "etc/nginx/nginx.conf"],
                    capture_output=True,
                    text=True,
                )
            )
            continue
        done = subprocess.run(
            ["bash", "-c", line], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{line}\n{done.stderr}"
    # As installed, before a test puts its own ports in.
    shutil.copy(root / "etc/nginx/conf.d/ecla-clinic.conf", root / "installed-site.conf")
    yield root, checks
    shutil.rmtree(root)


def test_the_readme_checks_the_configuration_and_nginx_accepts_it(installed):
    _root, checks = installed

    assert len(checks) == 1, "the README's nginx steps run `sudo nginx -t` once"
    assert checks[0].returncode == 0, checks[0].stderr


@contextmanager
def nginx_serving(root, upstreams):
    """nginx with the installed configuration on free ports, these upstream servers behind."""
    site = root / "etc/nginx/conf.d/ecla-clinic.conf"
    http_port, https_port = free_port(), free_port()
    conf = (root / "installed-site.conf").read_text()
    conf = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", conf)
    conf = re.sub(r"listen 80\b", f"listen 127.0.0.1:{http_port}", conf)
    conf = re.sub(r"listen 443\b", f"listen 127.0.0.1:{https_port}", conf)
    site.write_text(conf.replace("server 127.0.0.1:8000;", upstreams))
    nginx = subprocess.Popen(
        [NGINX, "-c", root / "etc/nginx/nginx.conf", "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield http_port, https_port
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)


@pytest.fixture(scope="module")
def serving(installed):
    """The installed configuration on free ports, with no gunicorn behind it."""
    root, _checks = installed
    with nginx_serving(root, f"server 127.0.0.1:{free_port()};") as ports:
        yield ports


def get(port, path, host=HOST, tls=True):
    """The status line, headers and body nginx answers, asked for as a browser would."""
    raw = socket.create_connection(("127.0.0.1", port), timeout=10)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        raw = context.wrap_socket(raw, server_hostname=host)
    with raw:
        raw.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        answer = b"".join(iter(lambda: raw.recv(65536), b"")).decode()
    head, _, body = answer.partition("\r\n\r\n")
    status, *header_lines = head.split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status.split()[1]), headers, body


def test_plain_http_is_sent_to_https_naming_no_nginx_version(serving):
    http_port, _https = serving

    status, headers, body = get(http_port, "/faq/", tls=False)

    assert status == 301
    assert headers["Location"] == f"https://{HOST}/faq/"
    assert headers["Server"] == "nginx"
    assert "nginx/" not in body


def test_another_host_name_gets_no_answer(serving):
    http_port, _https = serving

    with pytest.raises((ValueError, IndexError)):  # the connection closes with nothing said
        get(http_port, "/", host="203.0.113.9", tls=False)


@pytest.mark.parametrize(
    ("path", "language", "words"),
    [("/faq/", "en", "Please try again"), ("/ar/faq/", "ar", "يُرجى المحاولة مرة أخرى")],
)
def test_with_no_gunicorn_the_patient_gets_the_try_again_page_in_the_pages_language(
    serving, path, language, words
):
    _http, https_port = serving

    status, headers, body = get(https_port, path)

    assert status == 502
    assert f'<html lang="{language}"' in body
    assert words in body
    assert 'href="tel:+97141234567"' in body
    assert headers["Server"] == "nginx"


def upstream(answer):
    """A host on a free port: each connection's request read, then `answer` sent (or, with
    None, the connection dropped, as a gunicorn killed mid-request drops it)."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        while True:
            connection, _address = listener.accept()
            with connection:
                connection.recv(65536)
                if answer:
                    connection.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


@pytest.fixture(scope="module")
def serving_a_host_that_dies_mid_request(installed):
    """The installed configuration in front of two hosts: the first drops every request it
    is sent, the second (a backup, asked only when the first fails) answers 302."""
    root, _checks = installed
    copy = Path(tempfile.mkdtemp(prefix="ecla-nginx-"))  # readable by nginx's workers
    copy.chmod(0o755)
    shutil.copytree(root / "etc", copy / "etc", symlinks=False)
    shutil.copy(root / "installed-site.conf", copy)
    (copy / "log").mkdir()
    for path in [copy / "installed-site.conf", *(copy / "etc/nginx").rglob("*")]:
        if path.is_file():
            path.write_text(path.read_text(errors="surrogateescape").replace(str(root), str(copy)))
    dying = upstream(None)
    thanks = upstream(
        b"HTTP/1.1 302 Found\r\nLocation: /consultation/thanks/\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    hosts = f"server 127.0.0.1:{dying} max_fails=0; server 127.0.0.1:{thanks} backup;"
    with nginx_serving(copy, hosts) as ports:
        yield ports
    shutil.rmtree(copy)


def post(port, path):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    body = b"name=Layla&phone=0501234567"
    with context.wrap_socket(
        socket.create_connection(("127.0.0.1", port), timeout=10), server_hostname=HOST
    ) as tls:
        tls.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        answer = b"".join(iter(lambda: tls.recv(65536), b"")).decode()
    return int(answer.split()[1])


@pytest.mark.parametrize("path", ["/consultation/", "/ar/consultation/"])
def test_the_forms_post_is_sent_to_the_next_host_when_one_dies_mid_request(
    serving_a_host_that_dies_mid_request, path
):
    _http, https_port = serving_a_host_that_dies_mid_request

    assert post(https_port, path) == 302


def test_any_other_post_is_never_sent_to_a_second_host(serving_a_host_that_dies_mid_request):
    _http, https_port = serving_a_host_that_dies_mid_request

    assert post(https_port, "/admin/login/") == 502
