import re

import pytest
from django.urls import reverse

from content.models import FaqEntry
from tests.html import parse
from tests.site_urls import all_page_urls, page_urls

# Every page reads its words from the database (the passages, content/).
pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_page(client):
    response = client.get("/sitemap.xml")

    locations = re.findall(r"<loc>(.*?)</loc>", response.content.decode())
    assert response.status_code == 200
    assert sorted(locations) == sorted(f"http://testserver{url}" for _, url in all_page_urls())


def test_robots_txt_points_at_the_sitemap_with_an_absolute_url(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()


def json_ld_of_type(url, client, type_name):
    page = parse(client.get(url))
    return [data for data in page.json_ld if data["@type"] == type_name]


@pytest.mark.parametrize("url", page_urls())
def test_every_page_describes_the_clinic_with_its_address_and_hours(client, url):
    (clinic,) = json_ld_of_type(url, client, "MedicalClinic")

    assert clinic["name"] == "Ecla Clinic"
    assert clinic["address"]["streetAddress"] == "1128, Al Wasl Road, Umm Suqeim 2, Jumeirah"
    assert clinic["address"]["addressLocality"] == "Dubai"
    assert clinic["address"]["addressCountry"] == "AE"
    assert clinic["openingHoursSpecification"][0]["opens"] == "10:00"
    assert clinic["openingHoursSpecification"][0]["closes"] == "22:00"
    assert "telephone" not in clinic


def test_configured_phone_appears_in_the_clinic_data(client, settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}

    (clinic,) = json_ld_of_type("/", client, "MedicalClinic")

    assert clinic["telephone"] == "+971 4 123 4567"


@pytest.mark.usefixtures("faq_as_migrated")
def test_faq_structured_data_matches_the_questions_on_the_page(client):
    (faq_page,) = json_ld_of_type(reverse("pages:faq"), client, "FAQPage")

    entries = FaqEntry.objects.live().order_by("position")
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq_page["mainEntity"]] == [
        (entry.question_en, entry.answer_en.removeprefix("<p>").removesuffix("</p>"))
        for entry in entries
    ]


def test_therapy_page_describes_the_medical_procedure(client):
    (procedure,) = json_ld_of_type(reverse("pages:exosome-therapy"), client, "MedicalProcedure")

    assert procedure["name"] == "Exosome therapy for hair restoration"
    assert procedure["bodyLocation"] == "Scalp"


def test_json_ld_cannot_close_its_script_element(client, settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "</script><script>alert(1)</script>"}

    html = client.get("/").content.decode()

    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html
