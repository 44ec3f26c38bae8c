"""The home page and /consultation/ are served from the page cache; each visitor still gets their
own form."""

import gzip
import re

import pytest
from django.test import Client

from consultations.forms import ConsultationForm, seconds_since
from consultations.models import ConsultationRequest
from ground.page_parts import PageParts
from tests.factories import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

FORM_PAGES = ["/", "/consultation/"]


def hidden_value(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def open_form(client, url, **headers):
    html = client.get(url, **headers).content.decode()
    return {
        name: hidden_value(html, name)
        for name in ("csrfmiddlewaretoken", "rendered_at", "source_path")
    }


def send(client, hidden, **answers):
    return client.post("/consultation/", {**form_data(**answers), **hidden})


@pytest.mark.parametrize("url", FORM_PAGES)
def test_each_visitor_can_send_the_form_with_the_token_they_were_given(url):
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    forms = [open_form(visitor, url) for visitor in visitors]

    statuses = [
        send(visitor, hidden, phone=f"050 123 456{n}").status_code
        for n, (visitor, hidden) in enumerate(zip(visitors, forms, strict=True))
    ]

    assert statuses == [302, 302, 302]
    assert ConsultationRequest.objects.count() == 3
    assert len({hidden["csrfmiddlewaretoken"] for hidden in forms}) == 3


@pytest.mark.parametrize("url", FORM_PAGES)
def test_a_token_from_another_visitors_page_is_refused(url):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    open_form(first, url)
    someone_elses = open_form(second, url)

    response = send(first, someone_elses)

    assert response.status_code == 403
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize("url", FORM_PAGES)
def test_each_visit_gets_a_fresh_timestamp_signed_by_us(url, client):
    first = open_form(client, url)["rendered_at"]
    second = open_form(Client(), url)["rendered_at"]

    assert first != second
    assert 0 <= seconds_since(first) < 5
    assert 0 <= seconds_since(second) < 5


def test_a_form_sent_at_once_from_the_cached_page_is_still_taken_for_a_bot(client):
    hidden = open_form(client, "/consultation/")

    send(client, hidden)

    assert ConsultationRequest.objects.get().status == ConsultationRequest.Status.SPAM


def test_each_visitor_gets_the_page_they_came_from_not_the_previous_visitors(client):
    came_from_faq = open_form(client, "/consultation/", HTTP_REFERER="http://testserver/faq/")
    came_from_cost = open_form(
        Client(), "/consultation/", HTTP_REFERER="http://testserver/cost-and-safety/"
    )
    typed_the_address = open_form(Client(), "/consultation/")

    assert came_from_faq["source_path"] == "/faq/"
    assert came_from_cost["source_path"] == "/cost-and-safety/"
    assert typed_the_address["source_path"] == "/consultation/"


def test_a_hostile_referring_path_is_put_in_escaped(client):
    response = client.get("/consultation/", HTTP_REFERER='http://testserver/"><script>x</script>')

    html = response.content.decode()
    assert "<script>x" not in html
    assert 'value="/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


@pytest.mark.parametrize("url", FORM_PAGES)
def test_no_slot_marker_of_the_cached_page_reaches_a_visitor(url, client):
    client.get(url)

    html = client.get(url).content.decode()

    assert "page-cache-slot" not in html


def test_a_form_shown_again_after_an_error_keeps_the_answers_and_a_working_token():
    visitor = Client(enforce_csrf_checks=True)
    hidden = open_form(visitor, "/consultation/")

    response = send(
        visitor, hidden, name="Layla Hassan", message="Thinning at the crown", consent=None
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert 'value="Layla Hassan"' in html
    assert "Thinning at the crown" in html
    assert "page-cache-slot" not in html
    assert hidden_value(html, "rendered_at") == hidden["rendered_at"]
    corrected = {**hidden, "csrfmiddlewaretoken": hidden_value(html, "csrfmiddlewaretoken")}
    assert send(visitor, corrected).status_code == 302


def test_each_host_gets_its_own_addresses_in_the_page(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "www.example.ae"]
    client.get("/")

    html = client.get("/", HTTP_HOST="www.example.ae").content.decode()

    assert 'href="http://www.example.ae/"' in html
    assert "http://testserver/" not in html


def test_each_language_gets_its_own_page(client):
    english = client.get("/").content.decode()

    arabic = Client().get("/ar/").content.decode()

    assert '<html lang="en" dir="ltr">' in english
    assert '<html lang="ar" dir="rtl">' in arabic


def without_hidden_values(html):
    return re.sub(r'(name="(csrfmiddlewaretoken|rendered_at)") value="[^"]*"', r"\1", html)


@pytest.mark.parametrize("url", FORM_PAGES)
def test_a_compressed_page_unpacks_to_the_same_page_with_the_visitors_own_form(url):
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    html = gzip.decompress(response.content).decode()
    assert response["Content-Encoding"] == "gzip"
    assert {"Accept-Encoding", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert without_hidden_values(html) == without_hidden_values(Client().get(url).content.decode())
    hidden = {name: hidden_value(html, name) for name in ("csrfmiddlewaretoken", "source_path")}
    assert send(visitor, hidden).status_code == 302


@pytest.mark.parametrize("value", ["", "é/ü", "x" * 70_000])
def test_any_value_between_the_cached_parts_unpacks_exactly(value):
    parts = PageParts("<p>before</p>SLOT<p>between</p>SLOT<p>after</p>" * 50, ["SLOT"])

    compressed = parts.gzipped({"SLOT": value})

    assert gzip.decompress(compressed) == parts.body({"SLOT": value})
    assert parts.body({"SLOT": value}).decode().count("<p>between</p>" + value) == 50


@pytest.mark.parametrize("url", ["/", "/ar/", "/consultation/", "/ar/consultation/"])
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_a_page_with_the_form_is_private_to_its_visitor(client, url, encoding):
    response = client.get(url, HTTP_ACCEPT_ENCODING=encoding)

    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/faq/", "/ar/procedure/"])
def test_content_pages_stay_cacheable_by_anyone(client, url):
    response = client.get(url)

    assert response["Cache-Control"] == "max-age=600"


@pytest.mark.parametrize("url", FORM_PAGES)
def test_a_cached_form_page_makes_no_form_for_each_visitor(url, monkeypatch):
    # The form is laid out once, when the page is cached; making it again for every visitor
    # cost more than the rest of the response, and nothing of it was used.
    Client().get(url)
    made = []
    original_init = ConsultationForm.__init__

    def counting_init(self, *args, **kwargs):
        made.append(url)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(ConsultationForm, "__init__", counting_init)

    response = Client().get(url)

    assert response.status_code == 200
    assert 'name="rendered_at"' in response.content.decode()
    assert made == []
