import csv
import io

import pytest
from django.urls import reverse

from audit.models import AccessEvent
from audit.trail import recorded_stream
from consultations.models import ConsultationRequest
from staff_access.two_factor import issue_recovery_codes
from tests.factories import (
    app_code,
    login_staff,
    make_authenticator,
    make_front_desk_user,
    make_request,
    make_superuser,
    submit_password,
)

pytestmark = pytest.mark.django_db

Action = AccessEvent.Action
LIST_URL = reverse("admin:consultations_consultationrequest_changelist")
EXPORT_URL = reverse("admin:consultations_consultationrequest_export")
TRAIL_URL = reverse("admin:audit_accessevent_changelist")
VERIFY_URL = reverse("staff_access:verify")
LOGOUT_URL = reverse("admin:logout")


def change_url(request):
    return reverse("admin:consultations_consultationrequest_change", args=[request.pk])


def change_form(request, **changes):
    data = {
        "name": request.name,
        "phone": str(request.phone),
        "whatsapp": str(request.whatsapp),
        "message": request.message,
        "status": request.status,
        "staff_notes": request.staff_notes,
    }
    return {**data, **changes}


def events(action):
    return list(AccessEvent.objects.filter(action=action).order_by("pk"))


@pytest.fixture
def desk(client):
    user = make_front_desk_user()
    login_staff(client, user)
    return user


def test_a_change_is_recorded_with_the_old_and_new_value_of_each_changed_field(client, desk):
    request = make_request(message="Please call after 6pm", staff_notes="")

    client.post(
        change_url(request),
        change_form(request, message="Overwritten", staff_notes="Called", status="contacted"),
    )

    (event,) = events(Action.CHANGED)
    assert event.user == desk
    assert event.username == "desk"
    assert event.object_id == str(request.pk)
    assert event.detail["changes"] == {
        "message": {"old": "Please call after 6pm", "new": "Overwritten"},
        "staff_notes": {"old": "", "new": "Called"},
        "status": {"old": "new", "new": "contacted"},
    }


def test_a_changed_number_is_recorded_in_e164(client, desk):
    request = make_request(phone="+971501234567", whatsapp="+971501234567")

    client.post(change_url(request), change_form(request, whatsapp="055 765 4321"))

    (event,) = events(Action.CHANGED)
    assert event.detail["changes"] == {"whatsapp": {"old": "+971501234567", "new": "+971557654321"}}


def test_saving_without_changes_records_no_change(client, desk):
    request = make_request()

    client.post(change_url(request), change_form(request))

    assert events(Action.CHANGED) == []


def test_opening_a_request_records_who_viewed_it(client, desk):
    request = make_request()

    client.get(change_url(request))

    (event,) = events(Action.VIEWED)
    assert (event.username, event.object_id) == ("desk", str(request.pk))
    assert event.content_type.model_class() is ConsultationRequest


def test_a_status_action_records_each_requests_old_and_new_status(client, desk):
    first = make_request(status="new")
    second = make_request(phone="+971509999999", status="booked")
    untouched = make_request(phone="+971508888888")

    client.post(LIST_URL, {"action": "mark_spam", "_selected_action": [first.pk, second.pk]})

    recorded = {event.object_id: event.detail for event in events(Action.BULK_ACTION)}
    assert recorded == {
        str(first.pk): {
            "admin_action": "mark_spam",
            "changes": {"status": {"old": "new", "new": "spam"}},
        },
        str(second.pk): {
            "admin_action": "mark_spam",
            "changes": {"status": {"old": "booked", "new": "spam"}},
        },
    }
    assert str(untouched.pk) not in recorded
    assert {event.username for event in events(Action.BULK_ACTION)} == {"desk"}


def test_the_filtered_export_records_the_rows_written_and_the_filters(client, desk):
    make_request(status="booked")
    make_request(status="booked", phone="+971509999999")
    make_request(status="new", phone="+971508888888")

    response = client.get(EXPORT_URL, {"status__exact": "booked", "q": "050 123 4567"})
    assert events(Action.EXPORTED) == []  # nothing has been sent yet
    body = b"".join(response.streaming_content).decode("utf-8-sig")

    (event,) = events(Action.EXPORTED)
    assert len(list(csv.DictReader(io.StringIO(body)))) == 1
    assert event.username == "desk"
    assert event.detail["rows"] == 1
    assert event.detail["complete"] is True
    assert event.detail["scope"] == "filtered list"
    assert event.detail["filters"]["status__exact"] == "booked"
    assert "123 4567" not in str(event.detail)  # a searched number is not kept


def test_an_interrupted_export_records_only_the_rows_sent(rf, desk):
    request = rf.get(EXPORT_URL)
    request.user = desk
    lines = ["\ufeff", "titles\n", "row 1\n", "row 2\n", "row 3\n"]
    stream = recorded_stream(request, iter(lines), ConsultationRequest, header_lines=2)

    for _ in range(3):  # byte order mark, column titles, one request; then the client goes
        next(stream)
    stream.close()

    (event,) = events(Action.EXPORTED)
    assert event.detail["rows"] == 1
    assert event.detail["complete"] is False
    assert event.username == "desk"


def test_the_export_selected_action_records_rows_and_filters(client, desk):
    chosen = make_request(status="new")
    make_request(phone="+971509999999")

    response = client.post(
        f"{LIST_URL}?status__exact=new",
        {"action": "export_selected_csv", "_selected_action": [chosen.pk]},
    )
    b"".join(response.streaming_content)

    (event,) = events(Action.EXPORTED)
    assert event.detail["rows"] == 1
    assert event.detail["scope"] == "selected requests"
    assert event.detail["filters"] == {"status__exact": "new"}


def test_a_sign_in_is_recorded_when_the_second_factor_passes_not_at_the_password(client):
    device = make_authenticator(make_front_desk_user())

    submit_password(client, "desk")
    after_password = events(Action.SIGNED_IN)
    client.post(VERIFY_URL, {"code": app_code(device)})
    client.post(LOGOUT_URL)

    assert after_password == []
    (signed_in,) = events(Action.SIGNED_IN)
    assert signed_in.username == "desk"
    assert signed_in.detail == {"second_factor": "app"}
    assert [event.username for event in events(Action.SIGNED_OUT)] == ["desk"]
    assert events(Action.SIGNED_OUT)[0].user.username == "desk"


def test_a_wrong_code_is_recorded_without_the_code(client):
    device = make_authenticator(make_front_desk_user())

    wrong_code = f"{(int(app_code(device)) + 500_000) % 1_000_000:06d}"

    submit_password(client, "desk")
    client.post(VERIFY_URL, {"code": wrong_code})

    (wrong,) = events(Action.WRONG_CODE)
    assert wrong.username == "desk"
    assert wrong_code not in str(wrong.detail)
    assert events(Action.SIGNED_IN) == []


def test_a_recovery_code_is_recorded_by_its_number_never_the_code(client):
    user = make_front_desk_user()
    make_authenticator(user)
    codes = issue_recovery_codes(user)

    submit_password(client, "desk")
    client.post(VERIFY_URL, {"code": codes[6]})

    (used,) = events(Action.RECOVERY_CODE_USED)
    assert used.username == "desk"
    assert used.detail == {"code_number": 7, "codes_left": 9}
    assert codes[6] not in str(AccessEvent.objects.values_list("detail", flat=True))
    assert events(Action.SIGNED_IN)[0].detail == {"second_factor": "recovery code"}


def test_a_failed_sign_in_keeps_the_typed_username_and_never_the_password(client):
    make_front_desk_user()

    client.post(reverse("admin:login"), {"username": "desk", "password": "a-wrong-guess-9876"})

    (event,) = events(Action.SIGN_IN_FAILED)
    assert event.username == "desk"
    assert event.user is None
    assert "a-wrong-guess-9876" not in str(event.detail)
    assert not AccessEvent.objects.filter(detail__icontains="a-wrong-guess").exists()


def test_superusers_read_and_filter_the_trail(client):
    login_staff(client, make_superuser())
    request = make_request()
    client.get(change_url(request))

    listing = client.get(TRAIL_URL, {"action__exact": "viewed", "q": str(request.pk)})
    detail = client.get(
        reverse("admin:audit_accessevent_change", args=[events(Action.VIEWED)[0].pk])
    )

    assert listing.status_code == 200
    assert [event.action for event in listing.context["cl"].result_list] == ["viewed"]
    assert detail.status_code == 200
    assert "Access trail" in client.get(reverse("admin:index")).content.decode()


def test_nobody_can_add_change_or_delete_trail_entries_in_the_admin(client):
    login_staff(client, make_superuser())
    request = make_request()
    client.get(change_url(request))
    event = events(Action.VIEWED)[0]
    change = reverse("admin:audit_accessevent_change", args=[event.pk])

    add_response = client.get(reverse("admin:audit_accessevent_add"))
    delete_response = client.post(
        reverse("admin:audit_accessevent_delete", args=[event.pk]), {"post": "yes"}
    )
    client.post(change, {"username": "someone-else", "action": "signed_in"})
    client.post(
        TRAIL_URL, {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"}
    )

    event.refresh_from_db()
    assert add_response.status_code == 403
    assert delete_response.status_code == 403
    assert (event.username, event.action) == ("owner", "viewed")
    assert AccessEvent.objects.filter(pk=event.pk).exists()


def test_a_trail_entry_cannot_be_edited_in_code_either():
    make_request()
    event = AccessEvent.objects.create(action=Action.VIEWED, username="desk")

    event.username = "someone-else"
    with pytest.raises(ValueError, match="never edited"):
        event.save()


def test_front_desk_cannot_see_the_trail(client, desk):
    client.get(change_url(make_request()))  # on the trail: the front desk viewed it
    event = AccessEvent.objects.get()

    assert client.get(TRAIL_URL).status_code == 403
    assert client.get(reverse("admin:audit_accessevent_change", args=[event.pk])).status_code == 403
    assert "Access trail" not in client.get(reverse("admin:index")).content.decode()
