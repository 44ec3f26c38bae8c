"""The site without the front desk app: consultations' own tests must pass on it too (the
front desk adds to consultations through extension points, and nothing of consultations may
need it). Used by tests/test_floors.py."""

from clinic_site.settings import *  # noqa: F403

# booking builds on the front desk: it goes too.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in ("frontdesk", "booking")]  # noqa: F405
# On PostgreSQL, a test database of its own: this suite runs inside the main one, whose test
# database is in use (SQLite's test databases are in memory, one per process).
if not SQLITE:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_no_frontdesk"}  # noqa: F405
