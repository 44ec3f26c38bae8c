"""The systemd units, the settings file and pgBackRest's files as docs/operations.md's steps install
(tests/readme_install.py): in place, with the modes the steps give, and accepted by
`systemd-analyze verify` on this Debian and in CI's Debian 13 root (.ci/debian13) when it is
there."""

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest

from tests.readme_install import TRY_AGAIN_PAGES, follow_the_readme
from tests.readme_steps import (
    SITE_DIR,
    blocks,
    deploy_manage,
    lines,
    nginx_block,
    production_blocks,
    section,
    unit,
)
from tests.servers import PROJECT_DIR

NGINX = Path("/usr/sbin/nginx")
SYSTEMD_ANALYZE = Path("/usr/bin/systemd-analyze")
DEBIAN13_ROOT = Path(os.environ.get("DEBIAN13_ROOT", "/var/cache/ecla-clinic/debian13-root"))


@pytest.fixture(scope="module")
def installed():
    if not NGINX.exists():
        pytest.fail("nginx is missing: run `make setup`.")
    root = Path(tempfile.mkdtemp(prefix="ecla-units-"))
    checks = follow_the_readme(root, NGINX)
    yield root, checks
    shutil.rmtree(root)


def test_pgbackrest_is_set_up_for_the_postgresql_installed(installed):
    root, _checks = installed

    conf = (root / "etc/pgbackrest/pgbackrest.conf").read_text()

    assert "pg1-path=/var/lib/postgresql/17/main" in conf
    assert (root / "etc/postgresql/17/main/conf.d/ecla-archiving.conf").exists()
    assert (root / "etc/pgbackrest/pgbackrest.conf").stat().st_mode & 0o777 == 0o600


def test_every_pgbackrest_restore_reloads_postgresql_once_it_is_open():
    """After a restore, archive_timeout took effect only after a reload (new writes waited
    5 minutes to be archived, not 30 s)."""
    restores = [b for b in blocks(section("## Backups and restore"))]
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


def test_the_nginx_steps_have_the_try_again_pages_made_again_every_two_minutes(installed):
    root, _checks = installed
    steps = lines(nginx_block())
    timer = unit(root / "etc/systemd/system/ecla-nginx-error-page.timer")

    elapses = subprocess.run(
        [SYSTEMD_ANALYZE, "calendar", "--iterations=3", *timer["OnCalendar"]],
        env={**os.environ, "TZ": "UTC"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    times = [
        datetime.strptime(" ".join(line.split()[-3:-1]), "%Y-%m-%d %H:%M:%S")
        for line in elapses.splitlines()
        # Debian 12's systemd says "Iter. #2:", Debian 13's "Iteration #2:".
        if line.strip().startswith(("Next elapse:", "Iter. #", "Iteration #"))
    ]

    written = steps.index(f"deploy/manage nginx_error_page --output {TRY_AGAIN_PAGES}")
    assert steps.index("systemctl enable --now ecla-nginx-error-page.timer") > written
    assert [(b - a).total_seconds() for a, b in pairwise(times)] == [120, 120]
    assert timer["AccuracySec"] == ["5s"]


def test_the_try_again_pages_service_makes_the_pages_the_nginx_steps_made(installed):
    """Run as systemd runs it (the settings file's variables alone) after the steps' own run
    through deploy/manage: the pages stay as the steps made them. (The installed settings name a
    database no one migrated: the job keeps the pages, as during an outage, and succeeds.)"""
    root, _checks = installed
    service = unit(root / "etc/systemd/system/ecla-nginx-error-page.service")
    folder = root / TRY_AGAIN_PAGES.lstrip("/")
    [command] = service["ExecStart"]
    command = command.replace(SITE_DIR, str(PROJECT_DIR)).replace(TRY_AGAIN_PAGES, str(folder))
    settings = deploy_manage.read_environment_file((root / "settings.env").read_text())
    made = {page.name: page.read_bytes() for page in folder.iterdir()}

    done = subprocess.run(
        shlex.split(command),
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", **settings},
        capture_output=True,
        text=True,
    )

    assert (service["User"], service["WorkingDirectory"]) == (["ecla"], [SITE_DIR])
    assert service["ExecStart"] == [
        f"{SITE_DIR}/.venv/bin/python manage.py nginx_error_page --output {TRY_AGAIN_PAGES}"
    ]
    assert done.returncode == 0, done.stderr
    assert [line.partition(":")[0] for line in done.stdout.splitlines()] == [
        f"kept {folder}/try-again.html",
        f"kept {folder}/try-again.ar.html",
    ]
    assert {page.name: page.read_bytes() for page in folder.iterdir()} == made


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
