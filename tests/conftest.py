import sqlite3
import subprocess

import pytest
from django.db import OperationalError
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.servers import manage, server_env

# How many generated inputs each property test tries: "full" unless told (`make test-fast` runs
# "fast", `--hypothesis-profile=fast`). No deadline: a test's first example warms caches up.
hypothesis_settings.register_profile(
    "full", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.register_profile(
    "fast", parent=hypothesis_settings.get_profile("full"), max_examples=25
)
hypothesis_settings.load_profile("full")

# Tests that start servers, other processes or a browser: the system tier (`make test-fast` leaves
# it out). They live in tests/system/; one elsewhere that starts a server asks for one of these.
SYSTEM_FIXTURES = {"collected_static", "live_server", "page"}


def pytest_addoption(parser):
    parser.addoption(
        "--no-screenshots",
        action="store_true",
        help="the browser tests save no screenshots (CI: nobody opens a CI clone's)",
    )


def pytest_collection_modifyitems(items):
    for item in items:
        in_system = "tests/system/" in item.path.as_posix()
        if in_system or SYSTEM_FIXTURES.intersection(item.fixturenames):
            item.add_marker(pytest.mark.system)


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete_on_postgresql():
    """A transactional test's flush deletes rows on PostgreSQL: tests/quick_flush.py."""
    from tests.quick_flush import flush_by_delete_on_postgresql

    flush_by_delete_on_postgresql()


@pytest.fixture(scope="session")
def staff_groups_as_migrated(django_db_setup, django_db_blocker):
    """The staff groups and their permissions as the data migrations made them: read before any
    transactional test's flush can remove them (pytest-django sets the database up once)."""
    return _groups_as_migrated


_groups_as_migrated = []  # [(group name, [permission's natural key])]
_faq_as_migrated = []  # [(model, each row's fields)]: the FAQ entries and their first versions


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and the staff groups, the FAQ and the passages as its
    migrations made them."""
    from django.contrib.auth.models import Group

    from content.models import FaqEntry
    from tests import passages_as_migrated

    with django_db_blocker.unblock():
        for group in Group.objects.prefetch_related("permissions__content_type").order_by("name"):
            permissions = [permission.natural_key() for permission in group.permissions.all()]
            _groups_as_migrated.append((group.name, permissions))
        for model in (FaqEntry, FaqEntry.history.model):
            _faq_as_migrated.append((model, list(model.objects.order_by("pk").values())))
        passages_as_migrated.remember()


@pytest.fixture
def faq_as_migrated(django_db_setup):
    """The FAQ comes from a data migration, which an earlier transactional test's flush removed:
    made again as the migration made it (its entries and their first versions), for a test that
    reads it."""
    from content import live
    from content.models import FaqEntry

    if not FaqEntry.objects.exists():
        for model, rows in _faq_as_migrated:
            model.objects.bulk_create(model(**fields) for fields in rows)
    live.forget()


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    """Fast hashing, static files from the source tree, no page cached by a test before."""
    from ground import page_cache

    page_cache.store.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _no_dated_hours_kept_from_a_test_before():
    """Each process keeps the weekly and dated hours and the published content a few seconds, and
    pages without the database show the last ones read: every test starts from its own
    database's."""
    from django.apps import apps

    from content import live
    from ground import dated_hours, hours

    hours.weekly.clear()
    dated_hours.plans.clear()
    live.published.clear()
    if apps.is_installed("booking"):
        from booking.slots import forget_rules

        forget_rules()


@pytest.fixture(autouse=True)
def _no_visit_known_from_a_test_before():
    """Each process keeps the day (a minute), the day's salt and the visits it saw: every test
    starts without them (and without a page view counted and not yet stored), and with a salt of
    its own for today.
    The shared cache may still hold an earlier test's salt and visits (a transactional test's
    flush leaves the cache table as it is): with the same salt, this test's client (the same
    address and browser) would find that test's visit and be credited with its landing page."""
    import secrets

    from ground.hours import clinic_today
    from visits import counting, salt, tally, visitor

    counting.forget_today()
    salt.forget()
    salt._memo.update(day=clinic_today(), salt=secrets.token_bytes(32))
    visitor.forget()
    tally.take()


@pytest.fixture(autouse=True)
def _english_until_a_test_asks_otherwise():
    """A test client's request leaves its page's language active in this thread, so a test
    after an Arabic page would build its URLs (reverse) under /ar/ without saying so."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _held_requests_in_a_folder_of_the_tests_own(settings, tmp_path):
    """Requests held while the database is away go to this test's own folder."""
    settings.HELD_REQUESTS_DIR = tmp_path / "held-requests"


@pytest.fixture(autouse=True)
def _clinic_details_kept_in_a_file_of_the_tests_own(settings, tmp_path):
    """This host's copy of the published contact details: each test's own, none written yet."""
    from content.clinic_contact import host_copy

    settings.CLINIC_DETAILS_FILE = tmp_path / "clinic-details.json"
    host_copy.forget()


@pytest.fixture(autouse=True)
def _no_cache_outage_logged_yet():
    """Cache failures are logged once a minute per process: each test starts with none logged."""
    from consultations import unreachable
    from ground import limits

    limits._last_logged.clear()
    unreachable._outage.update(since=None, warned_at=None)


@pytest.fixture(autouse=True)
def backup_dir(tmp_path, monkeypatch):
    """Each test's backups and erasure ledger in a folder of its own, never the checkout's.

    django-dbbackup reads its storage settings once, at import: the test changes them there."""
    from dbbackup import settings as dbbackup_settings

    folder = tmp_path / "backups"
    options = {**dbbackup_settings.STORAGE_OPTIONS, "location": str(folder)}
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", options)
    return folder


@pytest.fixture
def desk(client):
    """A test client signed in as the front desk (both steps)."""
    from tests.factories import login_staff, make_front_desk_user

    login_staff(client, make_front_desk_user())
    return client


@pytest.fixture
def arabic_desk(desk):
    """The front desk's client with the admin in Arabic."""
    from django.urls import reverse

    desk.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})
    return desk


@pytest.fixture
def empty_cache():
    """Rate limits and duplicate claims live in the cache; each test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`collectstatic` once for every test that starts a production-like server (it compresses
    every file twice, gzip and Brotli: seconds each time). The production steps still run it
    themselves (tests/system/test_production_steps.py)."""
    root = tmp_path_factory.mktemp("static")
    manage(["collectstatic", "--no-input"], server_env(root))
    return root


# The database taken away from the test's own process (tests/consultations/test_held*.py,
# tests/system/test_held_requests_outage.py).


def unreachable(*args, **kwargs):
    # What Django raises when SQLite's file can't be opened (PostgreSQL: a refused connection).
    try:
        raise sqlite3.OperationalError("unable to open database file")
    except sqlite3.OperationalError as cause:
        raise OperationalError("unable to open database file") from cause


class Outage:
    """The database made unreachable (`away()`) and reachable again (`back()`) by the test."""

    def __init__(self):
        self.patch = pytest.MonkeyPatch()

    def away(self):
        self.patch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", unreachable)

    def back(self):
        self.patch.undo()


@pytest.fixture
def outage():
    outage = Outage()
    yield outage
    outage.back()


@pytest.fixture
def database_away(outage):
    """The database unreachable from the start; calling the value brings it back."""
    outage.away()
    return outage.back


@pytest.fixture
def fresh_rules():
    """The booking rules (hours, settings) read afresh: each process keeps them a few seconds."""
    from booking.slots import forget_rules

    forget_rules()
    yield
    forget_rules()


@pytest.fixture
def backup_target(tmp_path):
    """The backup target the production steps prepare: its folder, the clinic's key, and keys
    of their own for signing and for the erasure ledger."""
    from tests.factories import make_gpg_key

    (tmp_path / "backups").mkdir(mode=0o700)
    (tmp_path / "gpg").mkdir(mode=0o700)
    yield {
        "BACKUP_DIR": str(tmp_path / "backups"),
        "GNUPGHOME": str(tmp_path / "gpg"),
        "BACKUP_GPG_RECIPIENT": make_gpg_key(tmp_path / "gpg", "a-passphrase"),
        "BACKUP_SIGNING_KEY": "s" * 50,
        "ERASURE_LEDGER_KEY": "e" * 50,
    }
    subprocess.run(["gpgconf", "--homedir", tmp_path / "gpg", "--kill", "gpg-agent"])
