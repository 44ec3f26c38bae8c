"""The site tests/system/test_production_steps.py makes by following the production steps: its
own database, and one test's view of it."""

import sqlite3
from collections import Counter

import psycopg
from django.db import connection


class SiteDatabase:
    """The production site's own database, empty as `createdb` leaves it: a file on SQLite, a
    database beside the test database on PostgreSQL (the test database belongs to the tests)."""

    def __init__(self, folder):
        self.postgres = None
        if connection.vendor == "sqlite":
            self.url = f"sqlite:///{folder / 'clinic.sqlite3'}"
            return
        db = connection.settings_dict
        self.postgres = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
        self.name = f"{db['NAME']}_production_steps"
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
        self.url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{self.name}"

    def _admin(self, *statements):
        with psycopg.connect(dbname="postgres", autocommit=True, **self.postgres) as admin:
            for statement in statements:
                admin.execute(statement)

    def query(self, sql, params=()):
        """Rows of `sql` (%s for each parameter), or [] for a statement that gives none."""
        if self.postgres is None:
            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with psycopg.connect(dbname=self.name, autocommit=True, **self.postgres) as db:
            cursor = db.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def drop(self):
        if self.postgres is not None:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class ProductionSite:
    """One test's view of the site: its settings, its client, the requests sent since it began."""

    def __init__(self, site, database, client):
        self.settings, self.database, self.client = site, database, client
        self.first_id = self.last_request_id() + 1

    def last_request_id(self):
        [(last,)] = self.database.query("SELECT MAX(id) FROM consultations_consultationrequest")
        return last or 0

    def stored_statuses(self):
        """How many of this test's requests were stored with each status."""
        rows = self.database.query(
            f"SELECT status FROM consultations_consultationrequest WHERE id >= {int(self.first_id)}"  # noqa: S608 (a number of ours)
        )
        return Counter(status for (status,) in rows)
