import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from consultations.models import ConsultationRequest
from tests.factories import login_staff, make_front_desk_user, make_request
from tests.servers import PROJECT_DIR

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:consultations_consultationrequest_changelist")
EXPORT_URL = reverse("admin:consultations_consultationrequest_export")
Status = ConsultationRequest.Status


@pytest.fixture
def desk_client(client):
    return login_staff(client, make_front_desk_user())


def exported_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_list_shows_call_and_whatsapp_links(desk_client):
    make_request(name="Layla Hassan", phone="+971501234567", whatsapp="+971557654321")

    html = desk_client.get(LIST_URL).content.decode()

    assert 'href="tel:+971501234567"' in html
    assert 'href="https://wa.me/971557654321?text=Hello%2C%20this%20is%20Ecla%20Clinic' in html
    assert "Layla Hassan" in html


def test_list_shows_how_many_new_requests_wait(desk_client):
    make_request()
    make_request(phone="+971509999999")
    make_request(phone="+971508888888", status=Status.CONTACTED)

    html = desk_client.get(LIST_URL).content.decode()

    assert "2 new requests are waiting." in html


@pytest.mark.parametrize(
    "typed", ["0501234567", "050 123 4567", "+971 50 123 4567", "00971501234567", "971501234567"]
)
def test_search_finds_a_number_typed_in_any_form(desk_client, typed):
    wanted = make_request(name="Wanted Patient", phone="+971501234567")
    make_request(name="Someone Else", phone="+971509999999")

    response = desk_client.get(LIST_URL, {"q": typed})

    assert list(response.context["cl"].result_list) == [wanted]


def test_search_by_whatsapp_number(desk_client):
    wanted = make_request(phone="+971501111111", whatsapp="+971557654321")

    response = desk_client.get(LIST_URL, {"q": "055 765 4321"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_search_by_name(desk_client):
    wanted = make_request(name="Layla Hassan")
    make_request(name="Omar Khalid", phone="+971509999999")

    response = desk_client.get(LIST_URL, {"q": "layla"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_filters_by_status_and_source(desk_client):
    wanted = make_request(status=Status.BOOKED, source_path="/faq/")
    make_request(status=Status.BOOKED, source_path="/", phone="+971509999999")
    make_request(status=Status.NEW, source_path="/faq/", phone="+971508888888")

    response = desk_client.get(LIST_URL, {"status__exact": "booked", "source_path": "/faq/"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_action_sets_the_status(desk_client):
    request = make_request()

    desk_client.post(
        LIST_URL, {"action": "mark_contacted", "_selected_action": [request.pk]}, follow=True
    )

    request.refresh_from_db()
    assert request.status == Status.CONTACTED


def test_front_desk_can_record_the_outcome(desk_client):
    request = make_request()
    url = reverse("admin:consultations_consultationrequest_change", args=[request.pk])

    response = desk_client.post(
        url,
        {
            "name": request.name,
            "phone": "+971501234567",
            "whatsapp": "+971501234567",
            "message": "",
            "status": "booked",
            "staff_notes": "Booked for Tuesday 5pm",
        },
    )

    request.refresh_from_db()
    assert response.status_code == 302
    assert request.status == Status.BOOKED
    assert request.staff_notes == "Booked for Tuesday 5pm"


def test_repeat_number_is_flagged_in_the_list_and_links_to_the_earlier_request(desk_client):
    earlier = make_request()
    later = make_request(duplicate_of=earlier)

    change = desk_client.get(
        reverse("admin:consultations_consultationrequest_change", args=[later.pk])
    ).content.decode()

    assert reverse("admin:consultations_consultationrequest_change", args=[earlier.pk]) in change


def test_front_desk_cannot_reach_users_groups_or_add_or_delete(desk_client):
    request = make_request()

    assert desk_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert desk_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert (
        desk_client.get(reverse("admin:consultations_consultationrequest_add")).status_code == 403
    )
    delete_url = reverse("admin:consultations_consultationrequest_delete", args=[request.pk])
    assert desk_client.get(delete_url).status_code == 403
    index = desk_client.get(reverse("admin:index")).content.decode()
    assert "Consultation requests" in index
    assert "Users" not in index and "Groups" not in index


def test_staff_without_the_group_see_no_requests(client):
    login_staff(client, User.objects.create_user("intern", password="x" * 12, is_staff=True))

    assert client.get(LIST_URL).status_code == 403
    assert client.get(EXPORT_URL).status_code == 403


def test_patient_text_is_escaped_in_the_admin(desk_client):
    make_request(name='<img src=x onerror="alert(1)">')

    html = desk_client.get(LIST_URL).content.decode()

    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_export_streams_the_filtered_list_as_csv(desk_client):
    make_request(name="Booked Patient", status=Status.BOOKED, phone="+971501234567")
    make_request(name="New Patient", phone="+971509999999")

    response = desk_client.get(EXPORT_URL, {"status__exact": "booked"})

    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = exported_rows(response)
    assert [row["Name"] for row in rows] == ["Booked Patient"]
    assert rows[0]["Phone"] == "+971501234567"
    assert rows[0]["Status"] == "Booked"


def test_export_action_exports_the_selected_requests(desk_client):
    chosen = make_request(name="Chosen")
    make_request(name="Not chosen", phone="+971509999999")

    response = desk_client.post(
        LIST_URL, {"action": "export_selected_csv", "_selected_action": [chosen.pk]}
    )

    assert [row["Name"] for row in exported_rows(response)] == ["Chosen"]


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd"]
)
def test_export_neutralises_spreadsheet_formulas_but_keeps_phone_numbers(desk_client, dangerous):
    make_request(name=dangerous, message=dangerous, staff_notes=dangerous, phone="+971501234567")

    (row,) = exported_rows(desk_client.get(EXPORT_URL))

    for column in ("Name", "Message", "Staff notes"):
        assert row[column] == "'" + dangerous
    assert row["Phone"] == "+971501234567"
    assert row["WhatsApp"] == "+971501234567"


def test_purge_deletes_only_requests_older_than_the_retention_period(settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    old = make_request(created_at=timezone.now() - timezone.timedelta(days=31))
    recent = make_request(created_at=timezone.now() - timezone.timedelta(days=29))
    out = io.StringIO()

    call_command("purge_consultations", stdout=out)

    assert list(ConsultationRequest.objects.all()) == [recent]
    assert not ConsultationRequest.objects.filter(pk=old.pk).exists()
    assert "Deleted 1 consultation request(s) older than 30 days." in out.getvalue()


def test_purge_dry_run_counts_and_deletes_nothing(settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    make_request(created_at=timezone.now() - timezone.timedelta(days=40))
    out = io.StringIO()

    call_command("purge_consultations", "--dry-run", stdout=out)

    assert ConsultationRequest.objects.count() == 1
    assert "1 consultation request(s) older than 30 days would be deleted." in out.getvalue()


def test_filters_by_campaign_source(desk_client, empty_cache):
    wanted = make_request(utm_source="instagram")
    make_request(utm_source="", phone="+971509999999")

    html = desk_client.get(LIST_URL).content.decode()
    response = desk_client.get(LIST_URL, {"utm_source": "instagram"})

    assert "?utm_source=instagram" in html
    assert list(response.context["cl"].result_list) == [wanted]


@pytest.mark.parametrize(
    "query",
    ["foo=bar", "created_at__gte=not-a-date", "status__exact=new%00", "utm_source=a%00b"],
)
def test_export_with_unknown_or_malformed_filters_answers_like_the_list(desk_client, query):
    desk_client.raise_request_exception = False

    listed = desk_client.get(f"{LIST_URL}?{query}")
    exported = desk_client.get(f"{EXPORT_URL}?{query}")

    assert listed.status_code in {200, 302}
    assert exported.status_code in {200, 302}
    if exported.status_code == 302:
        assert exported["Location"].endswith("?e=1")


@pytest.mark.parametrize(
    "query", ["source_path=/faq/%00", "utm_source=x%00", "q=Layla%00", "status__exact=%00"]
)
def test_filter_and_search_values_with_hidden_characters_never_reach_the_database(
    desk_client, query
):
    desk_client.raise_request_exception = False

    response = desk_client.get(f"{LIST_URL}?{query}")

    assert response.status_code in {200, 302}


def test_our_copy_of_the_admins_search_form_differs_from_djangos_only_in_its_label():
    """The copy gives the search box a visible label (axe: label-title-only); a Django upgrade
    that changes its own search form must bring the change into the copy."""
    import django.contrib.admin

    djangos = Path(django.contrib.admin.__file__).parent / "templates/admin/search_form.html"
    ours = PROJECT_DIR / "templates/admin/consultations/consultationrequest/search_form.html"
    label = '<label for="searchbar">'

    theirs_lines = djangos.read_text().splitlines()
    ours_lines = [line for line in ours.read_text().splitlines() if "{% comment %}" not in line]

    assert len(ours_lines) == len(theirs_lines)
    different = [(a, b) for a, b in zip(theirs_lines, ours_lines, strict=True) if a != b]
    assert len(different) == 1
    assert different[0][1].startswith(label) and "Find a request" in different[0][1]
