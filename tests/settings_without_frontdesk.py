"""The site without the apps above consultations that it could miss: the front desk (the staff's
screens of a request) and booking. consultations' own tests must pass on it too: nothing of the
lower floor may need the floors above. Used by tests/test_floors.py."""

from clinic_site.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in ("frontdesk", "booking")]  # noqa: F405
# On PostgreSQL, a test database of its own: this suite runs inside the main one, whose test
# database is in use (SQLite's test databases are in memory, one per process).
if not SQLITE:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_no_frontdesk"}  # noqa: F405
