"""The clinic's contact details, edited in the admin (content/contact.py): reviewed and published
like the rest of the content, shown on every page in both languages once published, and on the
error pages from the last copy this process or this host read while the database is away
(content/clinic_contact.py)."""

import json
import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from audit.models import AccessEvent
from content import live
from content.clinic_contact import host_copy
from content.models import ContactDetails
from ground import page_cache
from ground.clinic import clinic_details
from ground.views import server_error
from tests.content_factories import (
    change_url,
    draft_form,
    make_clinic_manager,
    make_contact_details,
    make_editor,
    signed_in,
)
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "faq_as_migrated")]

INSTALLED_PHONE = "+971 4 123 4567"


@pytest.fixture(autouse=True)
def _installed_with_a_phone(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": INSTALLED_PHONE, "whatsapp": ""}


def page(path):
    return parse(Client().get(path))


def tel_links(path):
    return [link for link in page(path).links if link.startswith("tel:")]


def test_before_anything_is_published_the_site_shows_the_installed_details():
    ContactDetails.objects.the_one()  # a draft alone

    assert tel_links("/contact/")[0] == "tel:+97141234567"
    assert clinic_details()["from"] == "environment"


def test_the_list_opens_the_one_record_drafted_from_what_the_site_shows_today():
    editor = signed_in(make_editor())

    response = editor.get(reverse("admin:content_contactdetails_changelist"))

    details = ContactDetails.objects.get()
    assert response.status_code == 302
    assert response["Location"] == change_url(details)
    assert details.draft_phone == INSTALLED_PHONE
    assert details.draft_address_en == "1128, Al Wasl Road, Umm Suqeim 2, Jumeirah"
    assert details.draft_address_ar == "1128 شارع الوصل، أم سقيم 2، جميرا"
    assert not details.is_live


def test_nobody_adds_or_deletes_them():
    manager = signed_in(make_clinic_manager())
    details = ContactDetails.objects.the_one()

    added = manager.get(reverse("admin:content_contactdetails_add"))
    deleted = manager.post(
        reverse("admin:content_contactdetails_delete", args=[details.pk]), {"post": "yes"}
    )

    assert added.status_code == 403
    assert deleted.status_code == 403
    assert ContactDetails.objects.count() == 1


def test_a_number_that_isnt_one_is_said_beside_its_field_and_the_rest_is_kept():
    editor = signed_in(make_editor())
    details = ContactDetails.objects.the_one()

    response = editor.post(
        change_url(details),
        draft_form(details, draft_phone="call us", draft_email="desk@ecla.example"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    field = html[html.index('class="form-row errors field-draft_phone') :]
    assert "Not a phone number we can call" in field[: field.index("</div>")]
    assert 'value="desk@ecla.example"' in html


def test_a_local_number_is_kept_as_the_site_shows_it():
    editor = signed_in(make_editor())
    details = ContactDetails.objects.the_one()

    editor.post(change_url(details), draft_form(details, draft_phone="04 555 0199"))

    details.refresh_from_db()
    assert details.draft_phone == "+971 4 555 0199"


def test_submitting_needs_the_address_in_both_languages():
    editor = signed_in(make_editor())
    details = ContactDetails.objects.the_one()

    response = editor.post(change_url(details), draft_form(details, "_submit", draft_address_ar=""))

    assert response.status_code == 200
    assert "Missing: Street address (Arabic)" in " ".join(parse(response).text.split())
    assert ContactDetails.objects.get().status == "draft"


def test_edited_submitted_and_approved_they_show_on_every_page_in_both_languages():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())
    details = ContactDetails.objects.the_one()
    assert "1128, Al Wasl Road" in page("/contact/").text  # in the page cache from here
    new = {
        "draft_phone": "+971 4 555 0101",
        "draft_whatsapp": "+971 50 555 0102",
        "draft_address_en": "Villa 7, Al Safa Street, Al Safa 1",
        "draft_address_ar": "فيلا 7، شارع الصفا، الصفا 1",
    }

    editor.post(change_url(details), draft_form(details, "_submit", **new))
    waiting = page("/contact/").text
    manager.post(change_url(details), draft_form(ContactDetails.objects.get(), "_approve"))

    assert "Villa 7" not in waiting
    english, arabic = page("/contact/"), page("/ar/contact/")
    assert "Villa 7, Al Safa Street, Al Safa 1" in english.text
    assert "فيلا 7، شارع الصفا، الصفا 1" in arabic.text
    assert "1128" not in english.text + arabic.text
    assert tel_links("/faq/")[0] == "tel:+97145550101"  # the header and footer of every page
    assert "https://wa.me/971505550102" in english.links
    assert "+971 4 555 0101" in json.dumps(english.json_ld)
    assert AccessEvent.objects.filter(action="published").exists()


def test_a_revert_puts_the_earlier_details_back():
    manager = signed_in(make_clinic_manager())
    details = make_contact_details()
    first = details.history.get()
    details.draft_phone, details.phone = "+971 4 555 0199", "+971 4 555 0199"
    details._change_reason = "published"
    details.save()
    assert tel_links("/contact/")[0] == "tel:+97145550199"

    manager.post(reverse("admin:content_contactdetails_revert", args=[details.pk, first.pk]))

    assert tel_links("/contact/")[0] == "tel:+97145550101"


def test_the_preview_shows_the_draft_on_the_contact_page_for_the_staff_alone():
    editor = signed_in(make_editor())
    details = make_contact_details(draft_phone="+971 4 555 0177")
    url = reverse("pages:preview", args=["contact", details.pk])

    preview = editor.get(url)
    arabic = editor.get("/ar" + url)
    anonymous = Client().get(url)

    assert "tel:+97145550177" in parse(preview).links
    assert preview["Cache-Control"] == "private, no-store"
    assert "فيلا 7" in parse(arabic).text
    assert anonymous.status_code == 302  # to the admin's sign-in
    assert tel_links("/contact/")[0] == "tel:+97145550101"  # the live page as it was


def away():
    return mock.patch.object(live.published, "read", side_effect=OperationalError("away"))


def error_page_text():
    return parse(server_error(RequestFactory().get("/"))).text


def test_the_error_page_shows_the_last_details_this_process_read_while_the_database_is_away():
    make_contact_details()
    page("/contact/")
    later = time.monotonic() + live.KEPT_SECONDS + 1

    with mock.patch("ground.kept.time.monotonic", return_value=later), away():
        text = error_page_text()

    assert "+971 4 555 0101" in text


def test_a_process_that_never_read_them_shows_this_hosts_copy_while_the_database_is_away():
    make_contact_details()
    page("/contact/")  # this process reads them and keeps this host's copy
    live.published.clear()  # a process started during the outage

    with away():
        response = Client().get("/contact/")

    assert response.status_code == 503
    assert "+971 4 555 0101" in response.content.decode()
    assert INSTALLED_PHONE not in response.content.decode()


def test_with_no_copy_on_the_host_it_shows_the_installed_details():
    live.published.clear()

    with away():
        response = Client().get("/contact/")

    assert response.status_code == 503
    assert INSTALLED_PHONE in response.content.decode()


def test_the_hosts_copy_is_written_when_they_change_not_on_every_page(settings):
    make_contact_details()
    page("/contact/")
    written = settings.CLINIC_DETAILS_FILE.stat().st_mtime_ns

    with mock.patch("content.clinic_contact.write") as write:
        page_cache.store.clear()
        page("/faq/")
        page("/ar/faq/")

    assert json.loads(settings.CLINIC_DETAILS_FILE.read_text())["phone"] == "+971 4 555 0101"
    assert settings.CLINIC_DETAILS_FILE.stat().st_mtime_ns == written
    assert write.call_count == 0


def test_a_host_copy_that_cant_be_written_never_fails_a_page(settings, tmp_path, caplog):
    make_contact_details()
    settings.CLINIC_DETAILS_FILE = tmp_path / "missing-folder" / "clinic-details.json"
    host_copy.forget()

    response = Client().get("/contact/")

    assert response.status_code == 200
    assert "can't be kept" in caplog.text


def test_the_visit_reminder_gives_the_published_address():
    from booking.reminders import reminder_text
    from tests.factories import make_booking

    make_contact_details()
    booking = make_booking()

    assert "Villa 7, Al Safa Street, Al Safa 1" in reminder_text(booking, "https://x.example/c")


def test_numbers_and_links_are_typed_and_compared_left_to_right_on_an_arabic_admin():
    editor = signed_in(make_editor())
    details = make_contact_details(draft_phone="+971 4 555 0177")
    editor.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    html = editor.get(change_url(details)).content.decode()

    assert '<html lang="ar" dir="rtl"' in html
    for name in ("phone", "whatsapp", "email", "map_url"):
        field = html[html.index(f'id="id_draft_{name}"') - 300 :][:600]
        assert 'dir="ltr"' in field, name
    assert '<dd dir="ltr">+971 4 555 <del>0101</del> <ins>0177</ins></dd>' in html
