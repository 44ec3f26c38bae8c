"""The Arabic copy reads as the clinic wrote it: no Latin word outside the allow-list, one word
for safety, ranges and hours written out, one spelling of tanween, the Arabic comma, the plural
forms, the approval number kept left to right (issue 20's native read, as tests can guard it)."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from booking.links import visit_path
from consultations.models import ConsultationRequest
from consultations.references import reference_for
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.pages.test_arabic_site import arabic_page, text_outside_english_marked_elements
from tests.site_urls import page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

# Every Arabic page a patient reads: the navigation's pages, the form's thank-you page (with and
# without the link to choose a time), the time picker, the visit page behind the patient's link
# (held, confirmed, declined, cancelled) and the page for a link that no longer works. Pages that
# need a stored request are named here and made in patient_page().
MADE_PAGES = [
    "thanks with a time to choose", "time picker",
    "visit held", "visit confirmed", "visit declined", "visit cancelled",
]  # fmt: skip
READ_PAGES = [
    *page_urls("ar"), "/ar/consultation/thanks/", "/ar/consultation/time/?r=expired", *MADE_PAGES,
]  # fmt: skip
# Latin-letter words an Arabic page may carry: abbreviations and names patients know in English.
# A brand stays in Latin letters only where the product itself is meant: the clinic's own name,
# and Rogaine and Propecia, the medicines' trade names beside their Arabic generic names.
# WhatsApp is the channel the clinic is reached on, written «واتساب» as the app writes its own
# name in Arabic; no page shows its logo or a product of that name, so it is not on the list.
ALLOWED_LATIN = {
    "PRP", "FUE", "FUT", "VEGF", "PDGF", "IGF", "Wnt", "MSC", "MSCs", "miRNA", "miRNAs", "mRNA",
    "DHT", "LLLT", "Ecla", "Clinic", "minoxidil", "finasteride", "Rogaine", "Propecia", "M.O.H",
}  # fmt: skip
# A range of numbers written with a dash ("3–6 أشهر", "10 صباحًا – 10 مساءً") is easily read
# backwards right to left. A code with a dash in it (IGF-1, the approval number) is no range.
DASHED_RANGE = re.compile(r"(?<![\w.])\d+(?:\s*[\u0600-\u06FF]+)?\s*[–—-]\s*\d")


@pytest.fixture
def reachable_clinic(settings):
    """The clinic's phone, WhatsApp and email configured: every line that shows them is shown."""
    settings.CLINIC = {
        **settings.CLINIC,
        "phone": "+971 4 123 4567",
        "whatsapp": "+971 50 123 4567",
        "email": "care@example.ae",
    }


def patient_page(url):
    """The Arabic page, made first when it needs a stored request (MADE_PAGES)."""
    if url in MADE_PAGES:
        consultation = make_request(language="ar")
        if url == "thanks with a time to choose":
            url = f"/ar/consultation/thanks/?ref={reference_for(consultation)}"
        elif url == "time picker":
            url = picker_url(consultation, language="ar")
        else:
            booking = make_booking(
                consultation,
                starts_at=timezone.localtime().replace(hour=10, minute=30, second=0, microsecond=0)
                + timedelta(days=3),
                status=url.removeprefix("visit "),
            )
            url = visit_path(booking)
    return Client().get(url)


def what_a_patient_reads(url):
    """The page's title, its description in search results, and the text of its body."""
    page = parse(patient_page(url))
    return f"{page.title}\n{page.meta['description']}\n{page.text}"


@pytest.mark.usefixtures("reachable_clinic")
@pytest.mark.parametrize("url", READ_PAGES)
def test_an_arabic_page_has_no_untranslated_english(url):
    response = patient_page(url)
    html = response.content.decode()

    page = parse(response)
    text = f"{page.title} {page.meta['description']} {text_outside_english_marked_elements(html)}"
    text = re.sub(r"\S+@\S+", " ", text)  # the clinic's email address is no word either
    # Codes with digits (the M.O.H. approval number, IGF-1) are not words.
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9.\-]*", text)
    words = {token.strip(".-") for token in tokens if not re.search(r"\d", token)}

    assert words - ALLOWED_LATIN == set()


def test_the_footer_keeps_the_approval_abbreviation_and_number_left_to_right_in_arabic():
    footer = arabic_page("/ar/").content.decode().split("<footer", 1)[1]

    # Unmarked, the abbreviation's last full stop moved to its other end: "(.M.O.H)".
    assert '(<span lang="en" dir="ltr">M.O.H.</span>)' in footer
    assert '<bdi dir="ltr">VM4QEF25-241024</bdi>' in footer


@pytest.mark.usefixtures("reachable_clinic")
@pytest.mark.parametrize("url", READ_PAGES)
def test_safety_is_one_word_on_every_arabic_page(url):
    text = what_a_patient_reads(url)

    # السلامة is a patient's safety; الأمان is security (of a lock, of a system).
    assert "الأمان" not in text
    assert "السلامة" in text  # at least in the navigation's "Cost & safety"


@pytest.mark.usefixtures("reachable_clinic")
@pytest.mark.parametrize("url", READ_PAGES)
def test_no_range_on_an_arabic_page_is_written_with_a_bare_dash(url):
    text = what_a_patient_reads(url)

    assert DASHED_RANGE.findall(text) == []


def test_the_opening_hours_read_from_and_to_in_arabic():
    html = arabic_page("/ar/").content.decode()
    thanks = parse(arabic_page("/ar/consultation/thanks/")).text

    footer = html.split("<footer", 1)[1].split(">", 1)[1]
    footer = " ".join(re.sub(r"<[^>]+>", " ", footer).split())
    hours = "من الاثنين إلى السبت، من 10:00 إلى 22:00"
    assert f"ساعات العمل: {hours}" in footer
    assert f"نستقبلك {hours}." in thanks


@pytest.mark.usefixtures("reachable_clinic")
@pytest.mark.parametrize("url", READ_PAGES)
def test_tanween_is_written_one_way_on_every_arabic_page(url):
    text = what_a_patient_reads(url)

    # The fathatan on the letter before the alif (جدًا, مثلًا), never on the alif (جداً).
    assert re.findall(r"\w*اً", text) == []


@pytest.mark.usefixtures("reachable_clinic")
@pytest.mark.parametrize("url", READ_PAGES)
def test_arabic_text_uses_the_arabic_comma(url):
    html = patient_page(url).content.decode()

    # The street address, marked lang="en", keeps the commas the clinic writes it with.
    text = text_outside_english_marked_elements(html)
    assert re.findall(r"\S*,\S*", text) == []


# Arabic has six plural forms (the catalogue's Plural-Forms: 0, 1, 2, 3 to 10, 11 to 99, the rest).
@pytest.mark.parametrize(
    ("days", "sentence"),
    [
        (1, "تُحذف طلبات الاستشارة تلقائيًا بعد يوم واحد من وصولها."),
        (2, "تُحذف طلبات الاستشارة تلقائيًا بعد يومين من وصولها."),
        (3, "تُحذف طلبات الاستشارة تلقائيًا بعد 3 أيام من وصولها."),
        (11, "تُحذف طلبات الاستشارة تلقائيًا بعد 11 يومًا من وصولها."),
        (100, "تُحذف طلبات الاستشارة تلقائيًا بعد 100 يوم من وصولها."),
    ],
    ids=["1", "2", "3", "11", "100"],
)
def test_the_privacy_page_counts_its_days_in_the_arabic_plural_forms(settings, days, sentence):
    settings.CONSULTATION_RETENTION_DAYS = days

    text = parse(arabic_page("/ar/privacy/")).text

    assert sentence in text


def test_the_front_desk_summary_in_arabic_says_each_count_once(client):
    make_request(name="ليلى حسن")
    for _ in range(2):
        make_request(status=ConsultationRequest.Status.CONTACTED, call_back_on=date(2026, 11, 24))
    login_staff(client, make_front_desk_user())
    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    with clock_at(dubai(2026, 11, 24, 11)):
        html = client.get(reverse("admin:index")).content.decode()

    assert "طلب جديد واحد، شخصان لمعاودة الاتصال بهما اليوم" in html
    assert "(1)" not in html and "(2)" not in html
