"""
Settings for the Ecla Clinic website.

Every value that differs between a laptop and production comes from an environment variable;
docs/operations.md ("Settings") lists them all. The defaults are safe for a local run on SQLite.
"""

import hashlib
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

from ground.clinic import clinic_details_from_environment
from ground.environment import env, env_bool, env_int, env_json, env_list, env_secret
from ground.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


# Core

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value "
            "(or DJANGO_DEBUG=true for local development)."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

# In development the test client's "testserver" host is allowed too, for `manage.py shell`.
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" + (",testserver" if DEBUG else "")
)

INSTALLED_APPS = [
    "staff_access.apps.StaffAdminConfig",  # Django's admin, behind the second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Third party
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    # Project: the shared ground, then the features (docs/architecture.md, "Layout").
    "ground",
    # What the clinic edits itself (the FAQ, the notice banner), reviewed and published by role.
    "content",
    "staff_access",
    "pages",
    "visits",
    "consultations",
    "security",
    # The access trail: who saw and changed what in the admin, sign-ins, exports, erasures.
    "audit",
    # The front desk's contact history and follow-ups (frontdesk/).
    "frontdesk",
    # A time for the free consultation: the patient's picker, the front desk's days (booking/).
    "booking",
    # Backups, restore and the erasure ledger (backups/). Before django-dbbackup: its own
    # `dbbackup` command, which encrypts when a key is configured, is the one manage.py runs.
    "backups",
    "dbbackup",
]

MIDDLEWARE = [
    "ground.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Every redirect below stays on this site, as a browser reads its target.
    "ground.redirects.SafeRedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # With the other headers' middleware, so that the 400 for an unknown host (raised further
    # in) carries it too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed here too, so the size budget holds without a proxy's help. Django's
    # CSRF token masking and GZipMiddleware's own padding are the BREACH mitigations.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ground.language.RememberedLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff_access.language.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Counts page views (no cookie, no script) and keeps each visit's landing page and
    # campaign for its consultation request (visits/).
    "visits.counting.VisitCountingMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ground.clinic.clinic_context",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL says otherwise.

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if SQLITE:
    # WAL lets readers work while one process writes; IMMEDIATE transactions take the write
    # lock up front, so concurrent writers queue (up to "timeout" seconds) instead of failing
    # with "database is locked" halfway through a transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every server process (rate limits live here).

REDIS_URL = env("REDIS_URL")
# A Redis that stops answering (host down, network cut) must fail a request's cache call within
# a second, so the limits fail open instead of hanging the site.
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ecla",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {
        "default": {
            # Django's database cache, with counts that hold under concurrent requests.
            "BACKEND": "ground.cache.CountingDatabaseCache",
            "LOCATION": "django_cache",
        }
    }

# Passwords

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English at today's URLs, Arabic (right to left) under /ar/. Each language
# is named in itself, so a reader of the other language still finds theirs.

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "العربية")]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Dubai"
# Dates day first, as the UAE writes them, in English and Arabic (Django's English writes
# 11/30/2026): ground/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["ground.formats"]
USE_I18N = True
USE_TZ = True

# Static files: hashed, compressed names served by WhiteNoise with far-future cache headers.

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security. TLS is terminated by the proxy in front of gunicorn, which sets X-Forwarded-Proto.

HTTPS = env_bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer checks over plain HTTP
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 63072000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is a promise to browser vendors that is slow to undo: opt in
# (docs/privacy-and-security.md, "Security headers"). Without it `check --deploy` would warn (W021)
# about the choice the clinic made on purpose.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("DJANGO_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# The report's covering index is for PostgreSQL; SQLite keeps it as a plain index on the date,
# which is all the embedded setup needs, and would otherwise warn (W040) at every command.
if SQLITE:
    SILENCED_SYSTEM_CHECKS.append("models.W040")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "ground.views.csrf_failure"

ADMIN_URL = env("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
# Where the sign-in goes when its `next` is missing or unsafe (Django's default is a page we
# don't have).
LOGIN_REDIRECT_URL = reverse_lazy("admin:index")

# Third party: django-csp. The same policy in every mode, so tests see what production sends.
# Nothing inline: scripts and styles come only from our own static files (the admin's too), so
# injected markup can neither run script nor restyle a page. JSON-LD blocks are data, not script.

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "report-uri": [reverse_lazy("security:csp-report")],
    },
}

# Violation reports (security/views.py): per client address and window, then 429.
CSP_REPORT_RATE_LIMIT = 60
CSP_REPORT_RATE_WINDOW_SECONDS = 600
CSP_REPORT_MAX_BYTES = 16 * 1024

# Third party: django-permissions-policy. Browser features the site never uses, off for every
# frame. Only names Chromium knows: an unknown one is a console error (and Lighthouse points).
# publickey-credentials-* keep the browser default, same origin only: passkeys may come.

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Staff sign-in: the admin shows patients' health-related data (UAE PDPL), so a password alone
# is not enough, guessing one is stopped early, and a forgotten session does not stay open.

# django-axes checks every sign-in first and refuses a locked-out account or address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The sixth wrong password in a row locks the username, and so does the sixth failure from one
# address (one attacker trying many usernames). Counted in the database, so the count is the
# same whichever server process answers.
# Our handler (staff_access/lockout.py) counts tries refused while locked instead of storing
# each, and records failures on the access trail.
AXES_HANDLER = "staff_access.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = 6
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A sign-in clears only that username's failures, once the second factor passed
# (staff_access/two_factor.py): axes' own reset at the password would also wipe the failures
# of every other username tried from the same address.
AXES_RESET_ON_SUCCESS = False
# A try while locked is refused without counting: else a locked address's tries would count
# against whichever username they typed, locking a receptionist out from home too.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Failed and refused sign-ins on the access trail, their counts and axes' sign-in log are
# deleted after this many days (purge_sign_in_records).
STAFF_SIGN_IN_RECORDS_DAYS = env_int("STAFF_SIGN_IN_RECORDS_DAYS", 90)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("STAFF_LOCKOUT_MINUTES", 30))
# The address our trusted proxies vouch for (TRUSTED_PROXY_COUNT), never a raw X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "staff_access.lockout.client_ip"
# One page for every lockout, which never says whether the username exists.
AXES_LOCKOUT_CALLABLE = "staff_access.lockout.locked_out"
# Every staff account has an authenticator app (django-otp TOTP); recovery codes are
# django-otp's static tokens.
OTP_TOTP_ISSUER = "Ecla Clinic"
# The superuser can list and delete devices in the admin, never read their secret keys.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Staff sessions end when the browser closes, or after a working day without activity.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_HOURS", 12) * 3600
SESSION_SAVE_EVERY_REQUEST = True  # each request starts the idle time again

# Email: printed to the console unless an SMTP host is configured.

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Ecla Clinic website <website@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logging: one JSON line per event to stderr, where gunicorn and the process manager collect it.

LOGGING = logging_config(env("LOG_LEVEL", "INFO"))

# The page cache (ground/page_cache.py): what a cached page shows that changes without a restart,
# each a function whose value changes when it does (the dated hours and today's date; the FAQ and
# notices the clinic published, and which notices show now). A new value renders the page again.

PAGE_CACHE_EDITIONS = ["ground.hours_ahead.edition", "content.live.edition"]

# Third party: django-simple-history keeps every version of the clinic's content (content/). Its
# own "Revert" (the old version's form, saved again) is off: a revert puts a published text live
# again in one step, for those who may publish (content/admin_review.py).

SIMPLE_HISTORY_REVERT_DISABLED = True

# Third party: django-crispy-forms

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The clinic's own details (name, address, hours, phone...): ground/clinic.py.

CLINIC = clinic_details_from_environment()
# The contact details the clinic published in the admin, which replace CLINIC's (a function
# returning what they change, and where they come from): named here, the content being above
# ground, as PAGE_CACHE_EDITIONS names it.
CLINIC_PUBLISHED_DETAILS = "content.clinic_contact.published_details"
# The contact details the clinic last published, as this host read them: what its error pages
# show when a process never read them (content/clinic_contact.py). A file of the site user's.
CLINIC_DETAILS_FILE = Path(env("CLINIC_DETAILS_FILE", str(BASE_DIR / "clinic-details.json")))

# Third party: django-phonenumber-field. Local numbers (050 123 4567) are read as UAE numbers.

PHONENUMBER_DEFAULT_REGION = "AE"
PHONENUMBER_DB_FORMAT = "E164"

# Consultation requests

# Who is emailed (a link, no personal details) when a request arrives.
CONSULTATION_NOTIFY_EMAILS = env_list("CONSULTATION_NOTIFY_EMAILS")
# Deleted this many days after they arrive (purge_consultations); /privacy/ states the number.
CONSULTATION_RETENTION_DAYS = env_int("CONSULTATION_RETENTION_DAYS", 365)
# A form sent sooner than this after it was shown is kept as suspected spam.
CONSULTATION_MIN_FILL_SECONDS = env_int("CONSULTATION_MIN_FILL_SECONDS", 3)
# A form older than this is shown again instead of sent: a harvested form can't be replayed.
CONSULTATION_FORM_MAX_AGE_SECONDS = env_int("CONSULTATION_FORM_MAX_AGE_SECONDS", 6 * 3600)
# Per client address and window: past the soft limit valid requests are kept as suspected spam
# (mobile carriers put many patients behind one address); past the hard limit every further
# attempt, valid or not, is refused.
CONSULTATION_RATE_WINDOW_SECONDS = 3600
CONSULTATION_RATE_SOFT_LIMIT = env_int("CONSULTATION_RATE_SOFT_LIMIT", 5)
CONSULTATION_RATE_HARD_LIMIT = env_int("CONSULTATION_RATE_HARD_LIMIT", 30)
# Times sent from the picker per client in the same window: a patient changes their mind a few
# times; a bot trying every time meets the same "please call us" page as the form's hard limit.
BOOKING_PICK_RATE_LIMIT = env_int("BOOKING_PICK_RATE_LIMIT", 30)
# The same answers sent again within this time are the same request (double click, reload).
CONSULTATION_DUPLICATE_WINDOW_SECONDS = 600
# While the database can't be reached, valid requests are held on this host's disk, in a folder
# of the site user's alone and outside anything served, and stored by each process's drainer
# when it is back, at most this many a second per host (consultations/held.py, drain.py).
HELD_REQUESTS_DIR = Path(env("HELD_REQUESTS_DIR", str(BASE_DIR / "held-requests")))
HELD_REQUESTS_DRAIN = env_bool("HELD_REQUESTS_DRAIN", default=True)
HELD_REQUESTS_PER_SECOND = env_int("HELD_REQUESTS_PER_SECOND", 50)
# Each server process sends the staff emails waiting in the outbox (consultations/notifications.py).
STAFF_EMAIL_SEND = env_bool("STAFF_EMAIL_SEND", default=True)
# The wait before a failed staff email is tried again, doubled after each failure (up to an hour).
STAFF_EMAIL_FIRST_RETRY_SECONDS = env_int("STAFF_EMAIL_FIRST_RETRY_SECONDS", 30)
# Page views counted by each server process are added to the database's daily counts this
# often (visits/tally.py): what a host killed outright loses at most.
VISITS_COUNT = env_bool("VISITS_COUNT", default=True)
VISITS_FLUSH_SECONDS = env_int("VISITS_FLUSH_SECONDS", 5)
# How many proxies in front of gunicorn append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Who may read /healthz's lines from elsewhere than this host (Authorization: Bearer <token>);
# anyone else gets only the load balancer's status. Empty: this host only.
HEALTHZ_TOKEN = env("HEALTHZ_TOKEN", "")

# Backups (backups/, django-dbbackup): `manage.py dbbackup` nightly, `restore_backup` to restore.


def _development_key(purpose):
    """With DJANGO_DEBUG=true only, a key derived from the secret key; in production none."""
    return hashlib.sha256(f"{SECRET_KEY}:{purpose}".encode()).hexdigest() if DEBUG else ""


# Every backup is signed (backups/signing.py) with this key, kept off the backup storage (from
# the environment, or a file BACKUP_SIGNING_KEY_FILE names): restore_backup restores nothing it
# did not sign, so a file put in the storage can't pass for a backup. Required in production.
BACKUP_SIGNING_KEY = env_secret("BACKUP_SIGNING_KEY") or _development_key("backup-signing")
# Where: a folder on this host readable by the site's user alone, unless BACKUP_STORAGE names
# another Django storage (with its options as JSON): another disk or an S3 bucket keeps the
# backups when this host's disk is lost. The erasure ledger is kept there too.
BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "db-backups")))
STORAGES["dbbackup"] = {
    "BACKEND": env("BACKUP_STORAGE", "django.core.files.storage.FileSystemStorage"),
    "OPTIONS": env_json(
        "BACKUP_STORAGE_OPTIONS",
        {
            "location": str(BACKUP_DIR),
            "directory_permissions_mode": 0o700,
            "file_permissions_mode": 0o600,
        },
    ),
}
# Backups older than this are deleted after each new one; /privacy/ states the number. So are
# the ledger's records: every backup still kept was made after them.
BACKUP_RETENTION_DAYS = env_int("BACKUP_RETENTION_DAYS", 35)
# The fingerprint of the clinic's backup key: with it every backup is encrypted (GPG) to that
# key, whose private half stays off the server. Pinned by fingerprint, so trusted as it is.
DBBACKUP_GPG_RECIPIENT = env("BACKUP_GPG_RECIPIENT") or None
DBBACKUP_GPG_ALWAYS_TRUST = True
# SQLite copied and restored with its online backup API (safe while the site writes, WAL and
# all); PostgreSQL restored in one transaction that first drops every table (backups/connectors.py).
DBBACKUP_CONNECTOR_MAPPING = {
    "django.db.backends.sqlite3": "backups.connectors.SqliteConnector",
    "django.db.backends.postgresql": "backups.connectors.PostgresConnector",
}
# The key of the erasure ledger's hashes (backups/ledger.py), the same on every host, and a key
# of its own: with the secret key, a list of every number it could be is hashed in minutes.
# Required in production (without it erasures and restores are refused; check --deploy says so).
# After rotating it, keep the old value in ERASURE_LEDGER_OLD_KEYS for BACKUP_RETENTION_DAYS.
ERASURE_LEDGER_KEY = env_secret("ERASURE_LEDGER_KEY") or _development_key("erasure-ledger")
ERASURE_LEDGER_OLD_KEYS = env_list("ERASURE_LEDGER_OLD_KEYS")

# Benchmarks (bench/throughput.sh): BENCH_MINIMAL_VIEW=true adds /bench/minimal/, an
# HttpResponse("ok") behind the same middleware, the yardstick every page is measured against.
# Off unless a benchmark asks for it; never set it in production.
if env("BENCH_MINIMAL_VIEW", "false").lower() == "true":
    ROOT_URLCONF = "clinic_site.bench_urls"
