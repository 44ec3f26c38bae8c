"""The security headers and cookie flags the site sends, as production configures them."""

import json

import pytest

from tests.clinic_site.test_operations import PRODUCTION_ENV, run_manage
from tests.servers import copy_migrated_sqlite

# Runs inside a production-configured process (settings are read once, at start): a page with a
# campaign, the consultation form (CSRF cookie) and a staff sign-in (session cookie), over HTTPS.
PRODUCTION_RESPONSES = """
import json
from django.contrib.auth.models import User
from django.test import Client

User.objects.create_user("desk", password="front-desk-pass-123", is_staff=True)
client = Client(HTTP_HOST="www.eclaclinic.ae")
page = client.get("/faq/?utm_source=newsletter", secure=True)
form = client.get("/consultation/", secure=True)
signed_in = client.post(
    "/admin/login/", {"username": "desk", "password": "front-desk-pass-123"}, secure=True
)
plain = client.get("/faq/")
bad_host = Client(HTTP_HOST="203.0.113.50", raise_request_exception=False).get(
    "/faq/", secure=True
)

def flags(response, name):
    cookie = response.cookies[name]
    return {"secure": bool(cookie["secure"]), "httponly": bool(cookie["httponly"]),
            "samesite": cookie["samesite"]}

print(json.dumps({
    "headers": dict(page.items()),
    "cookies": {
        "csrftoken": flags(form, "csrftoken"),
        "sessionid": flags(signed_in, "sessionid"),
    },
    "campaign_page_cookies": sorted(page.cookies),
    "plain_http": [plain.status_code, plain.get("Location")],
    "bad_host": [bad_host.status_code, dict(bad_host.items())],
}))
"""


def production_responses(tmp_path, static_root, **env):
    database = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(static_root),
    }
    full_env = {**PRODUCTION_ENV, **database, **env}
    copy_migrated_sqlite(tmp_path / "db.sqlite3", full_env)

    result = run_manage("shell", "--no-imports", "-c", PRODUCTION_RESPONSES, env=full_env)

    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def csp_directives(header):
    # django-csp writes the directives in no fixed order.
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.fixture(scope="module")
def production(tmp_path_factory, collected_static):
    return production_responses(tmp_path_factory.mktemp("production"), collected_static)


def test_a_page_carries_every_security_header_in_production(production):
    headers = production["headers"]

    assert headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "interest-cohort=()" in headers["Permissions-Policy"]
    assert csp_directives(headers["Content-Security-Policy"]) == {
        "default-src": "'self'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
        "object-src": "'none'",
        "report-uri": "/csp-report/",
    }


def test_the_400_page_carries_the_same_security_headers_as_every_page(production):
    status, headers = production["bad_host"]
    security_headers = {
        "Content-Security-Policy",
        "Cross-Origin-Opener-Policy",
        "Permissions-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
    }

    assert status == 400
    assert {name: headers.get(name) for name in security_headers} == {
        name: production["headers"][name] for name in security_headers
    }


def test_cookies_are_secure_httponly_and_same_site_in_production(production):
    expected = {"secure": True, "httponly": True, "samesite": "Lax"}

    assert production["cookies"] == {"csrftoken": expected, "sessionid": expected}


def test_a_campaign_link_sets_no_cookie_in_production(production):
    # The campaign is kept with the visit (visits/), not in a cookie.
    assert production["campaign_page_cookies"] == []


def test_plain_http_is_redirected_to_https_in_production(production):
    assert production["plain_http"] == [301, "https://www.eclaclinic.ae/faq/"]


@pytest.mark.system
def test_hsts_preload_is_sent_only_when_the_operator_opts_in(tmp_path, collected_static):
    preloaded = production_responses(tmp_path, collected_static, DJANGO_HSTS_PRELOAD="true")

    assert preloaded["headers"]["Strict-Transport-Security"] == (
        "max-age=63072000; includeSubDomains; preload"
    )


@pytest.mark.system
def test_deploy_checks_are_clean_with_hsts_preload_on_too(tmp_path, backup_target):
    env = {
        **PRODUCTION_ENV,
        **backup_target,
        "DJANGO_HSTS_PRELOAD": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    copy_migrated_sqlite(tmp_path / "db.sqlite3", env)

    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=env)

    assert result.returncode == 0, result.stderr


def test_the_same_policy_is_sent_when_testing_as_in_production(client, production):
    response = client.get("/faq/")

    assert csp_directives(response["Content-Security-Policy"]) == csp_directives(
        production["headers"]["Content-Security-Policy"]
    )
    assert response["Permissions-Policy"] == production["headers"]["Permissions-Policy"]
