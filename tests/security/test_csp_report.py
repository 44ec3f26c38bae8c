"""The endpoint browsers send Content-Security-Policy violation reports to."""

import json
import logging

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

URL = "/csp-report/"
SEARCH_PAGE = "https://www.eclaclinic.ae/admin/consultations/consultationrequest/?q=0501234567"


def legacy_report(**overrides):
    """What `report-uri` sends: one report as application/csp-report."""
    report = {
        "document-uri": "https://www.eclaclinic.ae/faq/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://cdn.example.net/tracker.js",
        "original-policy": "default-src 'self'",
        "disposition": "enforce",
        "status-code": 200,
    }
    report.update(overrides)
    return json.dumps({"csp-report": report})


def send(client, body, content_type="application/csp-report", **extra):
    return client.generic("POST", URL, body, content_type=content_type, **extra)


@pytest.fixture
def report_log(caplog):
    caplog.set_level(logging.INFO)

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "security.views"]

    return lines


def test_a_violation_report_is_logged_as_one_line_and_answered_204(client, report_log):
    response = send(client, legacy_report())

    assert response.status_code == 204
    assert report_log() == [
        "CSP violation: script-src-elem blocked https://cdn.example.net/tracker.js "
        "on https://www.eclaclinic.ae/faq/"
    ]


def test_a_report_never_logs_a_query_string_or_fragment(client, report_log, caplog):
    body = legacy_report(
        **{
            "document-uri": SEARCH_PAGE,
            "blocked-uri": "https://user:pw@cdn.example.net/t.js?phone=%2B971501234567#0501234567",
            "referrer": SEARCH_PAGE,
        }
    )

    response = send(client, body)

    assert response.status_code == 204
    assert report_log() == [
        "CSP violation: script-src-elem blocked https://cdn.example.net/t.js "
        "on https://www.eclaclinic.ae/admin/consultations/consultationrequest/"
    ]
    assert "501234567" not in caplog.text


def reporting_api_item(page, blocked, directive):
    return {
        "type": "csp-violation",
        "url": page,
        "body": {"documentURL": page, "blockedURL": blocked, "effectiveDirective": directive},
    }


def test_a_reporting_api_batch_is_one_log_line_naming_its_violations(client, report_log):
    batch = [
        reporting_api_item(SEARCH_PAGE, "inline", "style-src-attr"),
        {"type": "deprecation", "url": SEARCH_PAGE, "body": {"id": "something-old"}},
        reporting_api_item(
            "https://www.eclaclinic.ae/?utm_source=newsletter",
            "data:image/png;base64,AA",
            "img-src",
        ),
    ]

    response = send(client, json.dumps(batch), content_type="application/reports+json")

    assert response.status_code == 204
    assert report_log() == [
        "CSP violations: 2 in one report: style-src-attr blocked inline on "
        "https://www.eclaclinic.ae/admin/consultations/consultationrequest/; "
        "img-src blocked data on https://www.eclaclinic.ae/"
    ]


def test_a_report_of_hundreds_of_violations_is_still_one_short_log_line(client, report_log):
    batch = [
        reporting_api_item(f"https://e.ae/{n}/", f"https://x{n}.example/", "img-src")
        for n in range(90)
    ]
    body = json.dumps(batch)
    assert len(body) < 16 * 1024

    send(client, body, content_type="application/reports+json")

    (line,) = report_log()
    assert line.startswith("CSP violations: 90 in one report: img-src blocked https://x0.example/")
    assert line.endswith("(and 87 more)")
    assert len(line) < 1000


def test_a_forged_line_break_cannot_add_a_log_line(client, report_log):
    body = legacy_report(**{"effective-directive": "img-src\nCSP violation: forged"})

    send(client, body)

    assert len(report_log()) == 1
    assert "\n" not in report_log()[0]


def test_reports_past_the_limit_get_429_and_are_not_logged(client, settings, report_log):
    settings.CSP_REPORT_RATE_LIMIT = 3

    codes = [send(client, legacy_report()).status_code for _ in range(5)]

    assert codes == [204, 204, 204, 429, 429]
    assert len(report_log()) == 3


def test_the_limit_is_per_client_address(client, settings):
    settings.CSP_REPORT_RATE_LIMIT = 1
    send(client, legacy_report(), REMOTE_ADDR="198.51.100.7")

    other_client = send(client, legacy_report(), REMOTE_ADDR="203.0.113.20")
    same_client = send(client, legacy_report(), REMOTE_ADDR="198.51.100.7")

    assert other_client.status_code == 204
    assert same_client.status_code == 429


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("not json at all", "application/csp-report"),
        (b"\xff\xfe{", "application/csp-report"),
        ('{"csp-report": "a string"}', "application/csp-report"),
        ("[1, 2, 3]", "application/csp-report"),
        ('{"type": "csp-violation"}', "application/reports+json"),
        ('[{"type": "csp-violation", "body": []}]', "application/reports+json"),
        ('{"csp-report": {}}', "text/plain"),
    ],
    ids=["not-json", "not-utf8", "report-not-object", "list", "batch-not-list", "bad-body", "type"],
)
def test_a_malformed_report_is_refused_with_400_and_no_traceback(
    client, report_log, caplog, body, content_type
):
    response = send(client, body, content_type=content_type)

    assert response.status_code == 400
    assert b"Traceback" not in response.content
    assert report_log() == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_an_oversized_report_is_refused_with_400(client, settings, report_log):
    settings.CSP_REPORT_MAX_BYTES = 1024
    body = legacy_report(**{"script-sample": "x" * 2000})

    response = send(client, body)

    assert response.status_code == 400
    assert report_log() == []


def test_reports_need_no_csrf_token_but_must_be_posted(client):
    from django.test import Client

    strict_client = Client(enforce_csrf_checks=True)

    assert send(strict_client, legacy_report()).status_code == 204
    assert client.get(URL).status_code == 405
