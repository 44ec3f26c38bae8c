"""Requests made the way scanners and attackers make them: answered cleanly, nothing lost."""

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from consultations.models import ConsultationRequest
from tests.factories import form_data, login_staff, make_superuser
from tests.site_urls import all_page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_a_nul_in_a_campaign_parameter_does_not_break_later_submissions(client):
    # A browser's user agent: a request without one is a bot, whose visit is not kept.
    client.defaults["HTTP_USER_AGENT"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    client.get("/exosome-therapy/?utm_medium=cp%00c&utm_source=google")

    response = client.post("/consultation/", form_data())

    assert response.status_code == 302
    request = ConsultationRequest.objects.get()
    assert request.utm_source == "google"
    assert request.utm_medium == ""


@pytest.mark.parametrize("url", ["/", "/faq/", "/healthz", "/consultation/", "/no-such-page/"])
def test_an_unknown_host_gets_400_not_500(client, url):
    client.raise_request_exception = False

    response = client.get(url, HTTP_HOST="203.0.113.50")

    assert response.status_code == 400
    assert "Ecla Clinic" in response.content.decode()


# Header values as a WSGI server hands them over (Latin-1 text), often starting like a URL, a
# language list or a cookie, so that parsers get past their first character.
HEADER_STARTS = [
    "",
    "http://[",
    "https://",
    "http://testserver",
    "//",
    "ar;q=",
    "en-",
    "a=b; ",
    "*",
]
header_values = st.builds(
    str.__add__,
    st.sampled_from(HEADER_STARTS),
    st.text(st.characters(min_codepoint=0, max_codepoint=255), max_size=40),
)
PATIENT_PAGES = [url for _language, url in all_page_urls()]


@given(
    url=st.sampled_from(PATIENT_PAGES),
    header=st.sampled_from(
        ["HTTP_REFERER", "HTTP_ACCEPT_LANGUAGE", "HTTP_COOKIE", "HTTP_USER_AGENT"]
    ),
    value=header_values,
)
@example(url="/consultation/", header="HTTP_REFERER", value="http://[")
@example(url="/ar/", header="HTTP_REFERER", value="http://[")
def test_no_header_value_makes_a_server_error_on_a_patient_page(url, header, value):
    client = Client(raise_request_exception=False)

    response = client.get(url, **{header: value})

    assert response.status_code < 500, (url, header, value)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/audit/accessevent/?username=%00",
        "/admin/audit/accessevent/?action=%00",
        "/admin/auth/user/?username=%00",
        "/admin/axes/accessattempt/?username=%00",
        "/admin/axes/accesslog/?ip_address=%00",
    ],
)
def test_a_nul_in_any_admin_filter_is_answered_as_a_bad_filter_not_a_server_error(url):
    client = Client(raise_request_exception=False)
    login_staff(client, make_superuser())

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
