"""The site in Arabic, right to left, under /ar/: every page, the switch, the form, the admin."""

import json
import os
import re
import shutil
import subprocess
import sys
from urllib.parse import unquote, urlsplit

import pytest
from babel.messages.pofile import read_po
from django.test import Client
from django.urls import reverse

from consultations.models import ConsultationRequest
from tests.factories import (
    form_data,
    login_staff,
    make_front_desk_user,
    make_request,
)
from tests.html import parse
from tests.site_urls import page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

ARABIC_PAGES = page_urls("ar")
ENGLISH_PAGES = page_urls("en")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
# What makemessages leaves out: tools, tests and generated files.
IGNORED = [".venv/*", "node_modules/*", "bench/*", "tests/*", "test-artifacts/*", "staticfiles/*"]
NOT_SOURCES = ["node_modules", "test-artifacts", "staticfiles", "*.sqlite3*", "*.egg-info"]


def is_translated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def arabic_page(url):
    return Client().get(url)


def text_outside_english_marked_elements(html):
    """The body's text, less scripts and elements marked lang="en" (as the clinic writes them)."""
    body = html.split("<body", 1)[1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    while True:
        stripped = re.sub(r'<(\w+)[^>]*\blang="en"[^>]*>[^<]*</\1>', " ", body)
        if stripped == body:
            break
        body = stripped
    return re.sub(r"<[^>]+>", " ", body)


@pytest.mark.parametrize("url", ARABIC_PAGES)
def test_every_arabic_page_is_right_to_left_with_one_heading(url):
    response = arabic_page(url)

    page = parse(response)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert page.h1_count == 1
    assert ARABIC_LETTER.search(page.title)


@pytest.mark.parametrize("url", ARABIC_PAGES)
def test_links_on_an_arabic_page_stay_in_arabic(url):
    page = parse(arabic_page(url))

    internal = [urlsplit(link).path for link in page.links if not urlsplit(link).netloc]
    pages = [path for path in internal if path and not path.startswith(("/static/", "/language/"))]
    assert pages
    assert all(path.startswith("/ar/") for path in pages), pages


@pytest.mark.parametrize(("english", "arabic"), list(zip(ENGLISH_PAGES, ARABIC_PAGES, strict=True)))
def test_hreflang_alternates_point_at_each_other(english, arabic):
    def alternates(url):
        html = Client().get(url).content.decode()
        return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))

    expected = {
        "en": f"http://testserver{english}",
        "ar": f"http://testserver{arabic}",
        "x-default": f"http://testserver{english}",
    }
    assert alternates(english) == expected
    assert alternates(arabic) == expected


def test_the_switch_keeps_the_page_and_remembers_the_choice():
    client = Client()

    switched = client.get(reverse("switch-language", args=["ar"]) + "?next=/procedure/")
    later = client.get("/faq/?utm_source=google")
    back = client.get(reverse("switch-language", args=["en"]) + "?next=/ar/faq/")
    english_again = client.get("/faq/")

    assert switched["Location"] == "/ar/procedure/"
    assert later.status_code == 302
    assert later["Location"] == "/ar/faq/?utm_source=google"
    assert back["Location"] == "/faq/"
    assert english_again.status_code == 200


def test_a_visitor_who_never_chose_gets_the_page_the_url_names():
    response = Client(HTTP_ACCEPT_LANGUAGE="ar").get("/faq/")

    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_the_switch_refuses_to_send_anyone_elsewhere():
    response = Client().get(reverse("switch-language", args=["ar"]) + "?next=https://evil.example/")

    assert response["Location"] == "/ar/"


def test_structured_data_is_in_arabic_on_arabic_pages():
    html = Client().get("/ar/faq/").content.decode()

    blocks = [json.loads(block) for block in re.findall(r'ld\+json">(.*?)</script>', html)]
    faq = next(block for block in blocks if block["@type"] == "FAQPage")
    assert {block["inLanguage"] for block in blocks} == {"ar"}
    assert all(ARABIC_LETTER.search(question["name"]) for question in faq["mainEntity"])


def test_an_unknown_arabic_address_gets_the_arabic_404():
    response = Client().get("/ar/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_a_patient_books_in_arabic_with_arabic_indic_digits(client):
    response = client.post(
        "/ar/consultation/", form_data(name="ليلى حسن", phone="٠٥٠ ١٢٣ ٤٥٦٧", source_path="/ar/")
    )
    thanks = client.get(response["Location"])

    request = ConsultationRequest.objects.get()
    assert response["Location"].startswith("/ar/consultation/thanks/?ref=")
    assert (request.name, str(request.phone), request.language) == (
        "ليلى حسن",
        "+971501234567",
        "ar",
    )
    assert '<html lang="ar" dir="rtl">' in thanks.content.decode()


def test_form_errors_are_in_arabic_on_the_arabic_form(client):
    response = client.post("/ar/consultation/", form_data(name="", consent=None))

    form = response.context["form"]
    errors = [str(error) for field in ("name", "consent") for error in form.errors[field]]
    assert all(ARABIC_LETTER.search(error) for error in errors)
    assert ARABIC_LETTER.search(parse(response).text)


def test_the_front_desk_sees_the_language_and_greets_in_it(client):
    make_request(name="ليلى حسن", language="ar", phone="+971501234567")
    login_staff(client, make_front_desk_user())

    html = client.get(
        reverse("admin:consultations_consultationrequest_changelist") + "?language__exact=ar"
    ).content.decode()

    link = re.search(r'href="(https://wa\.me/971501234567\?text=[^"]+)"', html).group(1)
    assert ARABIC_LETTER.search(unquote(link.replace("&amp;", "&")))
    assert "العربية" in html


def test_staff_keep_their_admin_language_across_sign_ins(client):
    desk = make_front_desk_user()
    login_staff(client, desk)

    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})
    client.logout()
    login_staff(client, desk)
    admin_index = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="ar" dir="rtl"' in admin_index


@pytest.mark.system
def test_every_string_is_translated_and_none_is_fuzzy(tmp_path, settings):
    # makemessages writes to the catalogue nearest each source file: on a copy of the sources,
    # so that the test never rewrites the repository's own.
    copy = tmp_path / "site"
    shutil.copytree(settings.BASE_DIR, copy, ignore=shutil.ignore_patterns(".*", *NOT_SOURCES))
    ignored = [f"--ignore={pattern}" for pattern in IGNORED]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ar", "--verbosity=0", *ignored],
        cwd=copy,
        env={**os.environ, "DJANGO_DEBUG": "true"},
        check=True,
    )

    with (copy / "locale/ar/LC_MESSAGES/django.po").open("rb") as po:
        catalog = read_po(po)
    untranslated = [message.id for message in catalog if message.id and not is_translated(message)]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert untranslated == []
    assert fuzzy == []
