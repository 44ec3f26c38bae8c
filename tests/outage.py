"""A database the tests can take away from real server processes and bring back, as a restart
or a failover does: PostgreSQL behind a TCP relay the test cuts, SQLite in a folder moved away."""

import contextlib
import socket
import threading
from pathlib import Path

from django.db import connection

from tests.servers import free_port


class Relay:
    """Forwards connections from a port of its own to PostgreSQL until cut: then connecting is
    refused and every open connection is dropped, until restored."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()
        self.restore()

    def restore(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone leaves it listening.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class PostgresOutage:
    def __init__(self, base_env):
        db = connection.settings_dict
        self.relay = Relay((db["HOST"], int(db["PORT"])))
        self.env = {
            **base_env,
            "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{self.relay.port}/{db['NAME']}",
        }

    def away(self):
        self.relay.cut()

    def back(self):
        self.relay.restore()


class SqliteOutage:
    """The database file's folder moved away: SQLite can't open the file (not a new empty one)."""

    def __init__(self, base_env, folder):
        self.folder = Path(folder)
        self.away_folder = self.folder.with_name(self.folder.name + "-away")
        self.env = {**base_env, "DATABASE_URL": f"sqlite:///{self.folder / 'site.sqlite3'}"}

    def away(self):
        self.folder.rename(self.away_folder)

    def back(self):
        self.away_folder.rename(self.folder)


def outage_for(base_env, tmp_path):
    """The outage that fits the database the tests run on."""
    if connection.vendor == "sqlite":
        folder = tmp_path / "database"
        folder.mkdir()
        return SqliteOutage(base_env, folder)
    return PostgresOutage(base_env)
