"""The front desk's rules: clocks in clinic hours, follow-ups due and overdue, the unreachable
rhythm, the same patient's requests, and a history that is only ever appended to."""

from datetime import date, time

import pytest

from consultations import follow_ups, lifecycle
from consultations.models import ConsultationRequest, ContactEntry
from ground.hours import clinic_minutes_between, clinic_today
from tests.factories import (
    clock_at,
    dubai,
    make_contact,
    make_front_desk_user,
    make_request,
)

pytestmark = pytest.mark.django_db

Outcome = ContactEntry.Outcome
Status = ConsultationRequest.Status
# 23 November 2026 is a Monday; the 29th a Sunday, when the clinic is closed.
MONDAY, TUESDAY, SATURDAY = (2026, 11, 23), (2026, 11, 24), (2026, 11, 28)


def test_a_request_at_23_00_answered_at_10_10_next_morning_took_10_clinic_minutes():
    assert clinic_minutes_between(dubai(*MONDAY, 23, 0), dubai(*TUESDAY, 10, 10)) == 10


def test_sunday_does_not_count_saturday_evening_to_monday_morning_is_45_minutes():
    assert clinic_minutes_between(dubai(*SATURDAY, 21, 30), dubai(2026, 11, 30, 10, 15)) == 45


def test_minutes_within_opening_hours_count_in_full():
    assert clinic_minutes_between(dubai(*MONDAY, 10, 0), dubai(*MONDAY, 11, 30)) == 90


def test_today_is_dubais_date_not_utcs():
    # 21:30 UTC on the 24th is 01:30 on the 25th in Dubai.
    with clock_at(dubai(2026, 11, 25, 1, 30)):
        assert clinic_today() == date(2026, 11, 25)


def test_the_first_attempt_and_first_reach_set_the_clocks_in_clinic_hours():
    desk = make_front_desk_user()
    consultation = make_request(created_at=dubai(*MONDAY, 23, 0))

    make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(*TUESDAY, 10, 10))
    make_contact(consultation, desk, Outcome.BOOKED, dubai(*TUESDAY, 11, 0))
    make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(*TUESDAY, 12, 0))

    consultation.refresh_from_db()
    assert consultation.minutes_to_first_attempt == 10
    assert consultation.minutes_to_first_reach == 60


def test_each_outcome_sets_the_requests_status():
    desk = make_front_desk_user()
    consultation = make_request()

    make_contact(consultation, desk, Outcome.WHATSAPP_SENT, dubai(*MONDAY, 11))
    consultation.refresh_from_db()
    assert consultation.status == Status.CONTACTED
    make_contact(consultation, desk, Outcome.BOOKED, dubai(*MONDAY, 12))
    consultation.refresh_from_db()
    assert consultation.status == Status.BOOKED
    make_contact(consultation, desk, Outcome.ATTENDED, dubai(*MONDAY, 13))
    consultation.refresh_from_db()
    assert consultation.status == Status.ATTENDED


def test_the_owner_is_whoever_first_reaches_the_patient():
    first = make_front_desk_user("first")
    second = make_front_desk_user("second")
    consultation = make_request()

    make_contact(consultation, second, Outcome.NO_ANSWER, dubai(*MONDAY, 11))
    make_contact(consultation, first, Outcome.CALL_BACK_LATER, dubai(*MONDAY, 12))
    make_contact(consultation, second, Outcome.BOOKED, dubai(*MONDAY, 13))

    consultation.refresh_from_db()
    assert consultation.owner == first


def test_a_follow_up_from_yesterday_is_overdue_while_the_request_is_open():
    open_request = make_request(status=Status.CONTACTED, call_back_on=date(2026, 11, 23))

    with clock_at(dubai(*TUESDAY, 11)):
        assert list(follow_ups.overdue(ConsultationRequest.objects.all())) == [open_request]


@pytest.mark.parametrize(
    "status",
    [
        Status.BOOKED,
        Status.ATTENDED,
        Status.NO_SHOW,
        Status.NOT_INTERESTED,
        Status.UNREACHABLE,
        Status.SPAM,
    ],
)
def test_a_closed_request_is_never_overdue_or_due(status):
    make_request(status=status, call_back_on=date(2026, 11, 23))

    with clock_at(dubai(*TUESDAY, 11)):
        assert not follow_ups.overdue(ConsultationRequest.objects.all()).exists()
        assert not follow_ups.due_now(ConsultationRequest.objects.all()).exists()


def test_a_call_back_today_after_17_00_is_due_but_not_overdue_before_17_00():
    make_request(status=Status.CONTACTED, call_back_on=date(2026, 11, 24), call_back_after=time(17))

    with clock_at(dubai(*TUESDAY, 16, 59)):
        assert follow_ups.due_today(ConsultationRequest.objects.all()).count() == 1
        assert follow_ups.overdue(ConsultationRequest.objects.all()).count() == 0
    with clock_at(dubai(*TUESDAY, 17, 1)):
        assert follow_ups.overdue(ConsultationRequest.objects.all()).count() == 1


def three_unanswered(consultation, desk):
    for day in (23, 24, 25):
        make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(2026, 11, day, 10))


def test_three_unanswered_attempts_across_48_clinic_hours_offer_to_close_as_unreachable():
    desk = make_front_desk_user()
    consultation = make_request(created_at=dubai(*MONDAY, 9))
    three_unanswered(consultation, desk)
    consultation.refresh_from_db()

    # Monday 10:00 to Friday 10:00 is four opening days of 12 hours.
    assert lifecycle.offers_unreachable(consultation, now=dubai(2026, 11, 27, 10, 0))


def test_three_unanswered_attempts_within_48_clinic_hours_are_not_yet_unreachable():
    desk = make_front_desk_user()
    consultation = make_request(created_at=dubai(*MONDAY, 9))
    three_unanswered(consultation, desk)
    consultation.refresh_from_db()

    assert not lifecycle.offers_unreachable(consultation, now=dubai(2026, 11, 26, 21, 59))


def test_a_patient_once_reached_is_never_offered_as_unreachable():
    desk = make_front_desk_user()
    consultation = make_request(created_at=dubai(*MONDAY, 9))
    make_contact(consultation, desk, Outcome.CALL_BACK_LATER, dubai(*MONDAY, 9, 30))
    three_unanswered(consultation, desk)
    consultation.refresh_from_db()

    assert not lifecycle.offers_unreachable(consultation, now=dubai(2026, 12, 5, 10))


def test_two_unanswered_attempts_are_not_enough_however_long_ago():
    desk = make_front_desk_user()
    consultation = make_request(created_at=dubai(*MONDAY, 9))
    make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(*MONDAY, 10))
    make_contact(consultation, desk, Outcome.VOICEMAIL, dubai(*TUESDAY, 10))
    consultation.refresh_from_db()

    assert not lifecycle.offers_unreachable(consultation, now=dubai(2026, 12, 5, 10))


def test_history_entries_are_never_edited():
    entry = make_contact(make_request(), make_front_desk_user(), Outcome.NO_ANSWER, dubai(*MONDAY))

    entry.note = "rewritten"
    with pytest.raises(ValueError, match="never edited"):
        entry.save()


@pytest.mark.parametrize("typed", ["0501234567", "+971 50 123 4567", "٠٥٠١٢٣٤٥٦٧"])
def test_the_same_number_in_any_format_groups_the_same_patients_requests(typed):
    first = make_request(phone="+971501234567")
    by_whatsapp = make_request(phone="+971509999999", whatsapp="+971501234567")
    stranger = make_request(phone="+971508888888")

    latest = make_request(phone=typed)

    others = list(ConsultationRequest.objects.same_patient(latest).exclude(pk=latest.pk))
    assert set(others) == {first, by_whatsapp}
    assert stranger not in others
