import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client, RequestFactory

from ground.views import server_error
from tests.html import parse
from tests.servers import copy_migrated_sqlite

PROJECT_DIR = Path(__file__).resolve().parents[2]

# The production environment docs/operations.md documents, with made-up values.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k" * 20 + "a-long-random-production-like-secret-value",
    "DJANGO_ALLOWED_HOSTS": "www.eclaclinic.ae",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://www.eclaclinic.ae",
    "DJANGO_DEBUG": "false",
    "DJANGO_HTTPS": "true",
    "CLINIC_PHONE": "+971 4 123 4567",
}


def run_manage(*args, env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.system
def test_deploy_checks_are_clean_with_the_production_settings(tmp_path, backup_target):
    env = {
        **PRODUCTION_ENV,
        **backup_target,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
    }
    copy_migrated_sqlite(tmp_path / "site.sqlite3", env)

    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=env)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.system
def test_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.django_db
def test_no_model_changes_are_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"database: ok\ncache: ok\nheld requests: 0\nerasure ledger: ok\n"


@pytest.fixture
def unusable_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("unusable_cache")
def test_healthz_says_when_the_cache_is_down_and_keeps_the_site_in_service(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert (
        response.content
        == b"database: ok\ncache: unavailable\nheld requests: 0\nerasure ledger: ok\n"
    )


@pytest.mark.usefixtures("unusable_cache")
def test_deploy_check_fails_when_the_cache_cannot_be_used():
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match=r"consultations\.E001"):
        call_command("check", deploy=True, tags=["caches"])


@pytest.mark.system
def test_without_migrate_the_deploy_check_says_the_cache_table_is_missing(tmp_path):
    database_cache = {"REDIS_URL": ""}
    env = {**PRODUCTION_ENV, **database_cache, "DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}"}

    result = run_manage("check", "--deploy", env=env)

    assert result.returncode != 0
    assert "consultations.E001" in result.stderr


@pytest.fixture
def unreachable_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)


@pytest.fixture
def disk_that_cannot_hold(settings, tmp_path):
    (tmp_path / "a-file").write_text("")
    settings.HELD_REQUESTS_DIR = tmp_path / "a-file" / "held-requests"


@pytest.mark.usefixtures("unreachable_database")
def test_healthz_keeps_a_host_that_holds_requests_while_the_database_is_unreachable(client):
    response = client.get("/healthz")

    lines = response.content.decode().splitlines()
    assert response.status_code == 200
    assert lines[0] == "database: unavailable"
    assert lines[2] == "held requests: 0"  # the cache's line between: Redis may still answer


@pytest.mark.usefixtures("unreachable_database", "disk_that_cannot_hold")
def test_healthz_answers_503_when_the_database_is_unreachable_and_the_disk_cannot_hold(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"database: unavailable" in response.content
    assert b"held requests: 0 (the disk can't hold more)" in response.content


@pytest.mark.usefixtures("unreachable_database", "disk_that_cannot_hold")
def test_healthz_is_not_redirected_to_https(settings, client):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz")

    assert response.status_code == 503  # answered, not redirected


def test_server_error_page_is_friendly_and_shows_how_to_reach_the_clinic(settings):
    settings.CLINIC = {**settings.CLINIC, "whatsapp": "+971 50 123 4567"}
    request = RequestFactory().get("/")

    response = server_error(request)

    page = parse(response)
    assert response.status_code == 500
    assert page.h1_count == 1
    assert "1128, Al Wasl Road" in page.text
    assert "https://wa.me/971501234567" in page.links
    assert "Traceback" not in response.content.decode()


def test_an_exception_in_a_view_shows_the_friendly_500_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("django.views.generic.base.TemplateView.get", broken)
    client.raise_request_exception = False

    response = client.get("/faq/")

    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()
    assert "boom" not in response.content.decode()


def test_static_files_get_hashed_compressed_names_and_long_cache_lifetimes(
    collected_static, settings
):
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    from django.templatetags.static import static
    from whitenoise.middleware import WhiteNoiseMiddleware

    css_url = static("css/site.css")
    middleware = WhiteNoiseMiddleware(get_response=lambda request: None)
    response = middleware(RequestFactory().get(css_url, HTTP_ACCEPT_ENCODING="gzip"))

    assert css_url != "/static/css/site.css"
    assert (collected_static / (css_url.removeprefix("/static/") + ".gz")).exists()
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]


@pytest.mark.django_db  # the page's words: the published content
def test_pages_are_sent_compressed_to_browsers_that_accept_it(client):
    response = client.get("/faq/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.django_db  # the page's words: the published content
def test_a_content_page_is_rendered_once_and_then_served_from_the_page_cache(client, monkeypatch):
    from django.views.generic import TemplateView

    renders = []
    original_get = TemplateView.get
    monkeypatch.setattr(
        TemplateView, "get", lambda *a, **kw: renders.append(1) or original_get(*a, **kw)
    )

    first = client.get("/faq/")
    second = client.get("/faq/")

    assert len(renders) == 1
    assert first.content == second.content
    assert "max-age=600" in second["Cache-Control"]


@pytest.mark.django_db  # the page's words: the published content
def test_a_cached_content_page_never_carries_one_visitors_cookie_to_the_next(client):
    campaign_visit = client.get("/faq/", {"utm_source": "instagram"})
    next_visitor = Client().get("/faq/")

    assert not campaign_visit.cookies
    assert not next_visitor.cookies
    assert next_visitor.content == campaign_visit.content


@pytest.mark.django_db  # the page's words: the published content
def test_the_home_page_is_served_from_the_page_cache_with_each_visitors_own_form_time(
    client, monkeypatch
):
    from django.views.generic import TemplateView

    renders = []
    original_get = TemplateView.get
    monkeypatch.setattr(
        TemplateView, "get", lambda *a, **kw: renders.append(1) or original_get(*a, **kw)
    )

    first = client.get("/").content.decode()
    second = client.get("/").content.decode()

    token = 'name="rendered_at" value="'
    assert len(renders) == 1
    assert first.split(token)[1][:40] != second.split(token)[1][:40]


@pytest.mark.django_db  # the page's words: the published content
def test_a_cached_content_page_is_sent_in_each_encoding(client):
    compressed = client.get("/faq/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/faq/")

    assert compressed["Content-Encoding"] == "gzip"
    assert not plain.has_header("Content-Encoding")
    assert b"Frequently asked questions" in plain.content
