"""How django-dbbackup copies and restores our two databases (DBBACKUP_CONNECTOR_MAPPING).

Both restores replace the whole database, tables a later release added included, so `migrate`
after a restore starts from exactly the backup's schema.
"""

import os
import shlex
import shutil
import sqlite3
import subprocess
import tempfile

from dbbackup import settings as dbbackup_settings
from dbbackup.db.exceptions import CommandConnectorError
from dbbackup.db.postgresql import PgDumpBinaryConnector, parse_postgres_settings
from dbbackup.db.sqlite import SqliteBackupConnector


def _to_file(dump):
    """The dump in a file of its own (private to this user), for a tool that needs a path."""
    file = tempfile.NamedTemporaryFile(dir=dbbackup_settings.TMP_DIR, suffix=".dump")  # noqa: SIM115
    dump.seek(0)
    shutil.copyfileobj(dump, file)
    file.flush()
    return file


class SqliteConnector(SqliteBackupConnector):
    """Copied with SQLite's online backup API, a consistent copy while others write (that part
    is django-dbbackup's). Restored the same way, into the open database: copying the file over
    it, as django-dbbackup does, would leave the write-ahead log of the old one beside it."""

    def restore_dump(self, dump):
        self.connection.ensure_connection()
        with _to_file(dump) as file:
            source = sqlite3.connect(file.name)
            try:
                source.backup(self.connection.connection)
            finally:
                source.close()


class PostgresConnector(PgDumpBinaryConnector):
    """pg_dump's custom format (django-dbbackup's), restored by psql in one transaction that first
    drops every table there is: a failed restore changes nothing, and a table the backup doesn't
    have (a later release's) can neither stay behind nor block a DROP with its foreign key."""

    def restore_dump(self, dump):
        tables = self.connection.introspection.table_names()
        self.connection.close()
        drop = ""
        if tables:
            quoted = ", ".join(self.connection.ops.quote_name(t) for t in tables)
            drop = f"DROP TABLE IF EXISTS {quoted} CASCADE;\n"
        connect, env = parse_postgres_settings(self)
        env = {**self.restore_env, **env}
        with _to_file(dump) as file, tempfile.TemporaryFile() as errors:
            # PostgreSQL's own tools, found on the PATH as django-dbbackup finds them; no shell.
            script = subprocess.Popen(  # noqa: S603
                ["pg_restore", "--no-owner", "--file=-", file.name],  # noqa: S607
                stdout=subprocess.PIPE,
                stderr=errors,
            )
            psql = subprocess.Popen(  # noqa: S603
                [  # noqa: S607
                    "psql", "--no-psqlrc", "--quiet", "--single-transaction",
                    "--set=ON_ERROR_STOP=1", *shlex.split(connect),
                ],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors,
                env={**os.environ, **env},
            )  # fmt: skip
            try:
                psql.stdin.write(drop.encode())
                shutil.copyfileobj(script.stdout, psql.stdin)
                psql.stdin.close()
            except BrokenPipeError:
                script.kill()  # psql gave up (its error is in `errors`)
            if (script.wait(), psql.wait()) != (0, 0):
                errors.seek(0)
                raise CommandConnectorError(
                    f"Restore failed, the database is unchanged: {errors.read().decode()}"
                )
