"""Real gunicorn servers for the tests that need separate processes (concurrency, shared limits)."""

import atexit
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerDatabase:
    """The database the servers write to, and a way to count what they stored.

    On PostgreSQL that is the test database itself (the test must use transactional_db); SQLite's
    test database lives in memory, so the servers get a fresh file database of their own.
    """

    def __init__(self, tmp_path, base_env):
        self.env = dict(base_env)
        self.sqlite_path = None
        if connection.vendor == "sqlite":
            self.sqlite_path = tmp_path / "server.sqlite3"
            self.env["DATABASE_URL"] = f"sqlite:///{self.sqlite_path}"
            copy_migrated_sqlite(self.sqlite_path, self.env)
        else:
            db = connection.settings_dict
            self.env["DATABASE_URL"] = (
                f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
            )

    def count_requests(self):
        if self.sqlite_path:
            with sqlite3.connect(self.sqlite_path) as db:
                return db.execute(
                    "SELECT COUNT(*) FROM consultations_consultationrequest"
                ).fetchone()[0]
        from consultations.models import ConsultationRequest

        return ConsultationRequest.objects.count()

    def requests(self):
        """Every stored request, every column, in the order they were stored."""
        query = "SELECT * FROM consultations_consultationrequest ORDER BY id"
        if self.sqlite_path:
            with sqlite3.connect(self.sqlite_path) as db:
                db.row_factory = sqlite3.Row
                return [dict(row) for row in db.execute(query)]
        with connection.cursor() as cursor:
            cursor.execute(query)
            columns = [column.name for column in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


_migrated = {}  # REDIS_URL (the cache, and so the cache table migrate makes): migrated file


def migrated_sqlite(env):
    """A file database `migrate` made with these settings, once per test session: migrating
    takes seconds, copying the file a few milliseconds."""
    key = env.get("REDIS_URL", "")
    if key not in _migrated:
        folder = tempfile.mkdtemp(prefix="migrated-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = Path(folder) / "migrated.sqlite3"
        manage(["migrate", "--no-input"], {**env, "DATABASE_URL": f"sqlite:///{path}"})
        with sqlite3.connect(path) as db:  # all of it in the one file that is copied
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _migrated[key] = path
    return _migrated[key]


def copy_migrated_sqlite(path, env):
    """A migrated SQLite database at `path`, as `migrate` with `env` would leave it."""
    shutil.copyfile(migrated_sqlite(env), path)


def manage(args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


def server_env(static_root, **overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY="insecure-key-for-tests-only",
        DJANGO_DEBUG="false",
        DJANGO_HTTPS="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def start_gunicorn(env, workers=1, **popen_options):
    """A gunicorn serving the site on a free port, answering once this returns: (process, URL)."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clinic_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            # gunicorn 27 otherwise shares one control socket per user between all its servers.
            "--no-control-socket",
        ],
        cwd=PROJECT_DIR,
        env=env,
        **popen_options,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url, process)
    except Exception:
        process.terminate()
        raise
    return process, base_url


@contextmanager
def gunicorn(env, workers=1):
    process, base_url = start_gunicorn(env, workers)
    try:
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(base_url, process, timeout=30, host=None):
    deadline = time.monotonic() + timeout
    headers = {"Host": host} if host else {}
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            request = urllib.request.Request(f"{base_url}/healthz", headers=headers)
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")
