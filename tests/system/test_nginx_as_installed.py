"""The production steps that install files (docs/operations.md), followed line by line in a folder
standing for `/` that starts with Debian's packaged nginx configuration (tests/readme_install.py):
`nginx -t` passes without a warning, and the result serves as the document says."""

import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.readme_install import HOST, TRY_AGAIN_PAGES, follow_the_readme
from tests.readme_steps import lines, nginx_block
from tests.servers import free_port

NGINX = Path("/usr/sbin/nginx")


@pytest.fixture(scope="module")
def installed():
    """Debian's /etc/nginx after docs/operations.md's lines, in a folder of the test's own."""
    if not NGINX.exists():
        pytest.fail("nginx is missing: run `make setup`.")
    # nginx's workers run as www-data: the error pages must be readable by it.
    root = Path(tempfile.mkdtemp(prefix="ecla-nginx-"))
    root.chmod(0o755)
    checks = follow_the_readme(root, NGINX)
    # As installed, before a test puts its own ports in.
    shutil.copy(root / "etc/nginx/conf.d/ecla-clinic.conf", root / "installed-site.conf")
    yield root, checks
    shutil.rmtree(root)


def test_the_readme_checks_the_configuration_and_nginx_accepts_it_without_a_warning(installed):
    _root, checks = installed

    assert len(checks) == 1, "docs/operations.md's nginx steps run `nginx -t` once"
    assert checks[0].returncode == 0, checks[0].stderr
    assert "[warn]" not in checks[0].stderr, checks[0].stderr


def test_http2_is_turned_on_as_this_nginx_knows_how(installed):
    root, _checks = installed
    version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.split("/")[1]

    site = (root / "installed-site.conf").read_text()

    new = tuple(map(int, version.split(".")[:3])) >= (1, 25, 1)
    assert len(re.findall(r"^ *http2 on;$", site, re.MULTILINE)) == (2 if new else 0)
    assert len(re.findall(r"listen \S*443 ssl http2", site)) == (0 if new else 4)


def test_the_try_again_pages_are_in_a_folder_the_site_writes_and_nginx_reads(installed):
    root, _checks = installed
    steps = lines(nginx_block())

    folder = root / TRY_AGAIN_PAGES.lstrip("/")

    assert f"install -d -o ecla -g ecla -m 755 {TRY_AGAIN_PAGES}" in steps
    assert f"deploy/manage nginx_error_page --output {TRY_AGAIN_PAGES}" in steps
    assert f"root {folder};" in (root / "installed-site.conf").read_text()
    assert folder.stat().st_mode & 0o777 == 0o755
    pages = sorted(folder.iterdir())
    assert [page.name for page in pages] == ["try-again.ar.html", "try-again.html"]
    assert [page.stat().st_mode & 0o777 for page in pages] == [0o644, 0o644]
    assert not list((root / "etc/nginx/ecla").glob("try-again*")), "none is left under /etc"


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
    for folder in ("etc", "var/lib/ecla-clinic-nginx"):
        shutil.copytree(root / folder, copy / folder, symlinks=False)
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
