"""The installing steps of docs/operations.md, followed line by line in a folder standing for `/`
that starts as Debian's does (its packaged nginx configuration, systemd's and PostgreSQL's
folders): what tests/system/test_nginx_as_installed.py serves through and
tests/system/test_units_as_installed.py checks."""

import getpass
import re
import shutil
import subprocess

from tests.readme_steps import (
    lines,
    nginx_block,
    pgbackrest_block,
    production_blocks,
    settings_file,
)
from tests.servers import PROJECT_DIR

HOST = "www.eclaclinic.ae"
PHONE = "+971 4 123 4567"
# Where the nginx steps have the site write nginx's try-again pages, and nginx read them.
TRY_AGAIN_PAGES = "/var/lib/ecla-clinic-nginx"
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
    "sudo -H -u ecla gpg ",
    "createuser ",
    "createdb ",
)
# Debian 12's PostgreSQL is 15: the steps must find the version, as on Debian 13 (17).
PG_LSCLUSTERS = "#!/bin/sh\necho '17  main    5432 online postgres /var/lib/postgresql/17/main'\n"


def installs(line):
    """Lines that put files in place. The management commands that fill the database and the
    static files are tests/system/test_production_steps.py's; one that writes files (`>`,
    `--output`) runs here."""
    if line.startswith("deploy/manage "):
        return " > " in line or " --output " in line
    return not line.startswith(NOT_RUN)


def installing_steps():
    """docs/operations.md's production lines, nginx's and pgBackRest's, as one script each."""
    return [
        [line for line in lines(block) if installs(line)]
        for block in [*production_blocks(), nginx_block(), pgbackrest_block()]
    ]


def in_root(line, root):
    """A line as it runs in the folder standing for `/`: the files it installs go there, owned by
    whoever runs the test (the site's user and postgres are not made here)."""
    line = re.sub(r" -[og] (ecla|root|postgres)\b", "", line)
    line = line.replace("SITE_HOST=www.example.ae", f"SITE_HOST={HOST}")
    # "/var/lib/ecla-clinic" moves /var/lib/ecla-clinic-nginx (nginx's pages) with it.
    for real in ("/etc/", "/var/lib/ecla-clinic", "/mnt/backups"):
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
    """Debian's files and ours name /etc, /var/lib, /var/log and /run: in the copy, they name the
    copy."""
    (root / "log").mkdir(exist_ok=True)
    for path in (root / "etc/nginx").rglob("*"):
        if path.is_file():
            text = path.read_text(errors="surrogateescape")
            for real, copy in (
                ("/etc/", f"{root}/etc/"),
                ("/var/lib/ecla-clinic-nginx", f"{root}/var/lib/ecla-clinic-nginx"),
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
            BACKUP_SIGNING_KEY="insecure-backup-signing-key-for-tests",
            DATABASE_URL=f"sqlite:///{root / 'unused.sqlite3'}",
            EMAIL_HOST_PASSWORD="unused",
            BACKUP_GPG_RECIPIENT=None,
            CLINIC_PHONE=PHONE,
            DJANGO_HTTPS="false",
            DJANGO_STATIC_ROOT=str(root / "var/lib/ecla-clinic/static"),
            HELD_REQUESTS_DIR=str(root / "var/lib/ecla-clinic/held"),
            CLINIC_DETAILS_FILE=str(root / "var/lib/ecla-clinic/clinic-details.json"),
            BACKUP_DIR=str(root / "backups"),
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
