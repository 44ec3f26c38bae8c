"""No redirect the site answers takes a visitor to another host, resolved the way a browser
resolves it (WHATWG URL parsing by ada, the parser inside Node.js), followed hop by hop."""

from urllib.parse import unquote_to_bytes, urlencode

import ada_url
import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.factories import login_staff, make_authenticator, make_front_desk_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

HOST = "testserver"
REDIRECTS = {301, 302, 303, 307, 308}
# What browsers and URL parsers treat specially, in any order: dot segments (plain and
# percent-encoded), slashes and backslashes, control characters browsers strip, user info, ports,
# schemes, query and fragment marks, and our own paths.
PIECES = [
    "/", "//", "///", "\\", "\\\\", "/\\", ".", "..", "./", "../", "%2e", "%2E", "%2e%2e", ".%2e",
    "%2f", "%2F", "%5c", "\t", "\n", "\r", " ", "%09", "%0a", "@", ":", "evil.example",
    "evil.example:443", "user:pass@", "http:", "https:", "javascript:", "data:", "?", "#", "&",
    "ar", "en", "faq", "faq/", "hair-loss", "admin", "%40", "\x0c", "\u3002", "。evil.example",
]  # fmt: skip
values = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


def follow(client, method, path, data=None, hops=5):
    """Send the request, then follow each redirect as a browser would; fail on a foreign host."""
    url = ada_url.URL(f"http://{HOST}{path}")
    for _hop in range(hops):
        # As a WSGI server passes the path on: percent-decoded, and never read as a host (the
        # test client would take "//evil.example/faq/" for a host and a path).
        where = {
            "PATH_INFO": unquote_to_bytes(url.pathname).decode("iso-8859-1"),
            "QUERY_STRING": url.search.removeprefix("?"),
        }
        if method == "GET":
            response = client.get("/", **where)
        else:
            response = client.post("/", data or {}, **where)
            method, data = "GET", None
        if response.status_code not in REDIRECTS:
            return response
        try:
            url = ada_url.URL(response["Location"], url.href)
        except ValueError:
            return response  # a browser shows an error: it goes nowhere
        assert url.hostname == HOST, f"{path!r} sent the browser to {url.href}"
    return response


@given(next_value=values, code=st.sampled_from(["ar", "en"]))
@example(next_value="/.//evil.example/faq/", code="ar")
@example(next_value="/%2e//evil.example/faq/", code="ar")
@example(next_value="/\t/evil.example/", code="en")
def test_the_language_switch_never_sends_a_visitor_to_another_host(next_value, code):
    client = Client(raise_request_exception=False)

    follow(client, "GET", f"/language/{code}/?{urlencode({'next': next_value})}")


@given(path=values)
@example(path="//evil.example/faq/")
@example(path="/.//evil.example/faq")
def test_the_remembered_language_and_the_trailing_slash_keep_visitors_here(path):
    remembered_arabic = Client(raise_request_exception=False)
    remembered_arabic.cookies["django_language"] = "ar"

    for client in (remembered_arabic, Client(raise_request_exception=False)):
        follow(client, "GET", "/" + path)


# Four requests and a staff account per example (the costliest property of the suite): a quarter
# of the examples the others try, which try the same values on the pages patients use.
@settings(max_examples=max(settings().max_examples // 4, 10))
@given(next_value=values)
@example(next_value="/.//evil.example/")
@example(next_value="https://evil.example/")
def test_the_staff_sign_in_steps_never_send_staff_to_another_host(next_value):
    user = make_front_desk_user(username="redirect-desk")
    make_authenticator(user)
    client = Client(raise_request_exception=False)
    password = {"username": "redirect-desk", "password": "front-desk-pass-123"}

    follow(client, "POST", reverse("admin:login"), {**password, "next": next_value})
    follow(client, "GET", f"{reverse('staff_access:verify')}?{urlencode({'next': next_value})}")
    follow(client, "POST", reverse("staff_access:language"), {"language": "ar", "next": next_value})
    follow(client, "POST", reverse("admin:logout"), {"next": next_value})
    user.delete()


def test_an_unsafe_next_at_sign_in_goes_on_to_the_admin_not_a_missing_page(client):
    make_authenticator(make_front_desk_user())

    response = client.post(
        reverse("admin:login"),
        {"username": "desk", "password": "front-desk-pass-123", "next": "https://evil.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_redirect_django_itself_answers_is_kept_on_the_site_too(client):
    login_staff(client, make_front_desk_user())

    # Django's sign-out takes this `next` for a local path; browsers read it as //evil.example/.
    response = client.post(reverse("admin:logout"), {"next": "/.//evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_an_unsafe_next_django_takes_for_local_keeps_staff_in_the_admin(client):
    make_authenticator(make_front_desk_user())

    response = client.post(
        reverse("admin:login"),
        {"username": "desk", "password": "front-desk-pass-123", "next": "/.//evil.example/"},
    )

    assert response["Location"] == reverse("admin:index")
