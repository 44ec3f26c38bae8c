"""The README's production steps that install files, followed line by line in a folder standing for
`/` that starts with Debian's packaged nginx configuration: the systemd units they install pass
`systemd-analyze verify`, `nginx -t` passes without a warning, and the result serves as the README
says. On this Debian, and in CI's Debian 13 root (.ci/debian13) when it is there."""

import getpass
import os
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

from tests.readme_steps import (
    SITE_DIR,
    blocks,
    lines,
    nginx_block,
    pgbackrest_block,
    production_blocks,
    section,
    settings_file,
    unit,
)
from tests.servers import PROJECT_DIR, free_port

NGINX = Path("/usr/sbin/nginx")
SYSTEMD_ANALYZE = Path("/usr/bin/systemd-analyze")
DEBIAN13_ROOT = Path(os.environ.get("DEBIAN13_ROOT", "/var/cache/ecla-clinic/debian13-root"))
HOST = "www.eclaclinic.ae"
PHONE = "+971 4 123 4567"
# What the test does instead: nothing to install from Debian or git, no service manager, no
# database server, the site's user and the checkout this test run's own, its own certificate.
NOT_RUN = (
    "apt-get ",
    "adduser ",
    "git clone ",
    "cd ",
    "python3 -m venv ",
    ".venv/bin/",
    "certbot ",
    "systemctl ",
    "sudo -u postgres ",
    "createuser ",
    "createdb ",
)
# Debian 12's PostgreSQL is 15: the steps must find the version, as on Debian 13 (17).
PG_LSCLUSTERS = "#!/bin/sh\necho '17  main    5432 online postgres /var/lib/postgresql/17/main'\n"


def installing_steps():
    """The README's production lines, nginx's and pgBackRest's, as one script each."""
    return [
        [line for line in lines(block) if not line.startswith(NOT_RUN)]
        for block in [*production_blocks(), nginx_block(), pgbackrest_block()]
    ]


def in_root(line, root):
    """A line as it runs in the folder standing for `/`: the files it installs go there, owned by
    whoever runs the test (the site's user and postgres are not made here)."""
    line = re.sub(r" -[og] (ecla|root|postgres)\b", "", line)
    line = line.replace("SITE_HOST=www.example.ae", f"SITE_HOST={HOST}")
    for real in ("/etc/", "/var/lib/ecla-clinic"):
        line = line.replace(real, f"{root}{real}")
    return line


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


def follow_the_readme(root, nginx):
    """Runs the installing lines in `root`; returns the `nginx -t` runs."""
    # What Debian has before the steps: its nginx configuration, systemd's folder, PostgreSQL's.
    shutil.copytree("/etc/nginx", root / "etc/nginx", symlinks=False)
    (root / "etc/systemd/system").mkdir(parents=True)
    (root / "etc/postgresql/17/main/conf.d").mkdir(parents=True)
    self_signed_certificate(root / f"etc/letsencrypt/live/{HOST}")
    tools = root / "tools"
    tools.mkdir()
    (tools / "pg_lsclusters").write_text(PG_LSCLUSTERS)
    (tools / "pg_lsclusters").chmod(0o755)
    (tools / "nginx").symlink_to(nginx)
    settings = root / "settings.env"
    settings.write_text(
        settings_file(
            DJANGO_SECRET_KEY="insecure-key-for-tests-only",
            ERASURE_LEDGER_KEY="insecure-ledger-key-for-tests",
            DATABASE_URL=f"sqlite:///{root / 'unused.sqlite3'}",
            EMAIL_HOST_PASSWORD="unused",
            BACKUP_GPG_RECIPIENT=None,
            CLINIC_PHONE=PHONE,
            DJANGO_HTTPS="false",
        )
    )
    env = {
        "PATH": f"{tools}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": str(root),
        "LANG": "C.UTF-8",
        "ECLA_ENV_FILE": str(settings),
        "ECLA_SITE_USER": getpass.getuser(),
    }
    checks = 0
    for script in installing_steps():
        # `nginx -t` once every file is in place and points into the folder (below).
        checks += script.count("nginx -t")
        steps = "\n".join(in_root(line, root) for line in script if line != "nginx -t")
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", steps],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, f"{steps}\n{done.stderr}"
    point_paths_into(root)
    command = [nginx, "-t", "-c", root / "etc/nginx/nginx.conf"]
    return [subprocess.run(command, capture_output=True, text=True) for _ in range(checks)]


@pytest.fixture(scope="module")
def installed():
    """Debian's /etc/nginx after the README's lines, in a folder of the test's own."""
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

    assert len(checks) == 1, "the README's nginx steps run `nginx -t` once"
    assert checks[0].returncode == 0, checks[0].stderr
    assert "[warn]" not in checks[0].stderr, checks[0].stderr


def test_http2_is_turned_on_as_this_nginx_knows_how(installed):
    root, _checks = installed
    version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.split("/")[1]

    site = (root / "installed-site.conf").read_text()

    new = tuple(map(int, version.split(".")[:3])) >= (1, 25, 1)
    assert len(re.findall(r"^ *http2 on;$", site, re.MULTILINE)) == (2 if new else 0)
    assert len(re.findall(r"listen \S*443 ssl http2", site)) == (0 if new else 4)


def test_pgbackrest_is_set_up_for_the_postgresql_installed(installed):
    root, _checks = installed

    conf = (root / "etc/pgbackrest/pgbackrest.conf").read_text()

    assert "pg1-path=/var/lib/postgresql/17/main" in conf
    assert (root / "etc/postgresql/17/main/conf.d/ecla-archiving.conf").exists()
    assert (root / "etc/pgbackrest/pgbackrest.conf").stat().st_mode & 0o777 == 0o600


def test_every_pgbackrest_restore_reloads_postgresql_once_it_is_open():
    """After a restore, archive_timeout took effect only after a reload (new writes waited
    5 minutes to be archived, not 30 s)."""
    restores = [b for b in blocks(section("## Backups and restore", "## Benchmarks"))]
    restores = [lines(b) for b in restores if "--delta" in b and "restore" in b]

    assert len(restores) == 2
    for steps in restores:
        start = steps.index("systemctl start postgresql")
        assert steps[start + 1] == "systemctl reload postgresql", steps


def installed_units(root):
    return sorted((root / "etc/systemd/system").glob("ecla-*"))


def test_the_readme_installs_the_sites_services_and_timers(installed):
    root, _checks = installed

    names = {path.name for path in installed_units(root)}

    assert {"ecla-clinic.service", "ecla-dbbackup.timer", "ecla-pgbackrest-full.timer"} <= names
    for path in installed_units(root):
        assert path.stat().st_mode & 0o777 == 0o644, path.name
        if path.suffix == ".timer":
            service = unit(path).get("Unit", [path.name.replace(".timer", ".service")])[0]
            template = re.sub(r"@.*\.", "@.", service)
            assert template in names, f"{path.name} starts {service}, which isn't installed"
        for failed in unit(path).get("OnFailure", []):
            assert re.sub(r"@.*\.", "@.", failed) in names, f"{path.name}: {failed}"


def test_the_settings_file_is_installed_for_root_and_the_sites_group_alone(installed):
    root, _checks = installed

    settings = root / "etc/ecla-clinic/env"

    assert settings.stat().st_mode & 0o777 == 0o640
    line = next(line for line in lines(production_blocks()[0]) if "/etc/ecla-clinic/env" in line)
    assert "-o root -g ecla" in line


def units_to_verify(root, into, site_dir):
    """The installed units as systemd-analyze reads them in `into`: the checkout named where the
    test's is, and each template as an instance (verify reads a file, not a template)."""
    into.mkdir(parents=True, exist_ok=True)
    files = []
    for path in installed_units(root):
        text = path.read_text().replace(SITE_DIR, str(site_dir))
        name = path.name.replace("@.service", "@test.service")
        (into / name).write_text(text)
        files.append(into / name)
    return files


def verify(command):
    done = subprocess.run(command, capture_output=True, text=True)
    # Any line is a mistake: an unknown key is only warned about, with success.
    assert (done.returncode, done.stderr.strip()) == (0, ""), done.stderr


def stand_in_for_pgbackrest(files, program):
    """pgBackRest's package is the database host's, not installed where the tests run: its units
    name it where Debian puts it, and verify checks that the program is there."""
    for path in files:
        path.write_text(path.read_text().replace("/usr/bin/pgbackrest", str(program)))


def test_the_installed_units_pass_systemd_analyze_verify(installed, tmp_path):
    root, _checks = installed
    if not SYSTEMD_ANALYZE.exists():
        pytest.fail("systemd-analyze is missing: run `make setup`.")
    files = units_to_verify(root, tmp_path / "units", PROJECT_DIR)
    if not Path("/usr/bin/pgbackrest").exists():
        stand_in_for_pgbackrest(files, "/bin/true")

    verify([SYSTEMD_ANALYZE, "verify", "--man=no", "--generators=no", *files])


def test_the_installed_units_pass_systemd_analyze_verify_on_debian_13(installed):
    root, _checks = installed
    if os.geteuid() != 0 or not (DEBIAN13_ROOT / "usr/bin/systemd-analyze").exists():
        pytest.skip(
            f"needs root and a Debian 13 root with systemd at {DEBIAN13_ROOT} (.ci/debian13)"
        )
    inside = Path(tempfile.mkdtemp(prefix="ecla-units-", dir=DEBIAN13_ROOT / "tmp"))
    seen_inside = Path("/") / inside.relative_to(DEBIAN13_ROOT)
    try:
        # The checkout's programs, where the units name them.
        (inside / "site/.venv/bin").mkdir(parents=True)
        for program in ("gunicorn", "python"):
            (inside / "site/.venv/bin" / program).symlink_to("/bin/true")
        files = units_to_verify(root, inside / "units", seen_inside / "site")
        if not (DEBIAN13_ROOT / "usr/bin/pgbackrest").exists():
            stand_in_for_pgbackrest(files, "/bin/true")
        units = [seen_inside / "units" / path.name for path in files]

        # As .ci/debian13 enters the root: a /proc of its own, in a mount namespace of its own.
        verify_in_root = (
            f"mount -t proc proc {DEBIAN13_ROOT}/proc && exec chroot {DEBIAN13_ROOT} "
            "systemd-analyze verify --man=no --generators=no " + " ".join(map(str, units))
        )
        verify(
            [
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--propagation",
                "private",
                "sh",
                "-c",
                verify_in_root,
            ]
        )
    finally:
        shutil.rmtree(inside)


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
