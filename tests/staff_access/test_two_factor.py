"""A staff password alone opens no admin page: the authenticator app's code (or a recovery code)
is the second step, set up at the first sign-in."""

import base64

import pytest
from axes.models import AccessLog
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_access.two_factor import PASSWORD_STEP_SESSION_KEY, issue_recovery_codes
from tests.factories import (
    app_code,
    make_authenticator,
    make_front_desk_user,
    make_request,
    submit_password,
)

pytestmark = pytest.mark.django_db

VERIFY_URL = reverse("staff_access:verify")
ENROL_URL = reverse("staff_access:enrol")
QR_URL = reverse("staff_access:qr-code")
ADMIN_INDEX = reverse("admin:index")


def admin_urls():
    request = make_request(name="Layla Hassan")
    return [
        ADMIN_INDEX,
        reverse("admin:consultations_consultationrequest_changelist"),
        reverse("admin:consultations_consultationrequest_export"),
        reverse("admin:consultations_consultationrequest_change", args=[request.pk]),
    ]


def wrong_code(device):
    return f"{(int(app_code(device)) + 500_000) % 1_000_000:06d}"


def send_code(client, code, url=VERIFY_URL):
    return client.post(url, {"code": code, "next": ADMIN_INDEX})


@pytest.fixture
def desk():
    return make_front_desk_user()


@pytest.fixture
def enrolled_desk(desk):
    make_authenticator(desk)
    return desk


def test_password_without_second_factor_reaches_no_admin_page(client, enrolled_desk):
    submit_password(client, "desk")

    for url in admin_urls():
        response = client.get(url, follow=True)

        assert response.redirect_chain, url
        assert response.request["PATH_INFO"] == VERIFY_URL, url
        assert "Layla Hassan" not in response.content.decode(), url


def test_first_sign_in_without_an_app_goes_to_set_up_and_reaches_no_admin_page(client, desk):
    submit_password(client, "desk")

    for url in admin_urls():
        response = client.get(url, follow=True)

        assert response.request["PATH_INFO"] == ENROL_URL, url
        assert "Layla Hassan" not in response.content.decode(), url


def test_set_up_page_shows_a_qr_code_from_our_own_server_and_the_key_to_type(client, desk):
    submit_password(client, "desk")

    html = client.get(ENROL_URL).content.decode()
    qr = client.get(QR_URL)

    device = TOTPDevice.objects.get(user=desk, confirmed=False)
    key = base64.b32encode(device.bin_key).decode()
    assert f'src="{QR_URL}"' in html
    assert " ".join(key[i : i + 4] for i in range(0, len(key), 4)) in html
    assert qr["Content-Type"] == "image/svg+xml"
    assert "<svg" in qr.content.decode()
    assert "no-store" in qr["Cache-Control"]


def test_a_reload_of_the_set_up_page_keeps_the_same_key(client, desk):
    submit_password(client, "desk")

    client.get(ENROL_URL)
    client.get(ENROL_URL)

    assert TOTPDevice.objects.filter(user=desk).count() == 1


def test_set_up_confirmed_with_the_apps_code_shows_recovery_codes_once_then_the_admin(client, desk):
    submit_password(client, "desk")
    client.get(ENROL_URL)
    device = TOTPDevice.objects.get(user=desk)

    confirmed = send_code(client, app_code(device), ENROL_URL)
    codes_page = client.get(confirmed["Location"])
    again = client.get(confirmed["Location"])

    device.refresh_from_db()
    assert device.confirmed
    assert codes_page.status_code == 200
    assert len(codes_page.context["codes"]) == 10
    assert codes_page.context["codes"][0] in codes_page.content.decode()
    assert again.status_code == 302  # shown once: gone on a reload
    assert client.get(ADMIN_INDEX).status_code == 200


def test_a_wrong_code_at_set_up_is_refused(client, desk):
    submit_password(client, "desk")
    client.get(ENROL_URL)
    device = TOTPDevice.objects.get(user=desk)

    response = send_code(client, wrong_code(device), ENROL_URL)

    device.refresh_from_db()
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not device.confirmed
    assert client.get(ADMIN_INDEX).status_code == 302


def test_the_apps_code_opens_the_admin(client, enrolled_desk):
    device = enrolled_desk.totpdevice_set.get()
    submit_password(client, "desk")

    response = send_code(client, app_code(device))

    assert response["Location"] == ADMIN_INDEX
    assert client.get(ADMIN_INDEX).status_code == 200


def test_the_password_alone_is_no_sign_in_in_the_records_the_code_is(client, enrolled_desk):
    # The admin's users list shows the last sign-in, and django-axes' log lists sign-ins:
    # neither may show someone who never passed the code.
    device = enrolled_desk.totpdevice_set.get()
    submit_password(client, "desk")
    enrolled_desk.refresh_from_db()
    before = (enrolled_desk.last_login, AccessLog.objects.count())

    send_code(client, app_code(device))
    enrolled_desk.refresh_from_db()

    assert before == (None, 0)
    assert enrolled_desk.last_login is not None
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["desk"]


def test_a_wrong_code_is_refused_and_the_admin_stays_closed(client, enrolled_desk):
    device = enrolled_desk.totpdevice_set.get()
    submit_password(client, "desk")

    response = send_code(client, wrong_code(device))

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302


def test_quick_guesses_of_the_code_are_slowed_down(client, enrolled_desk):
    device = enrolled_desk.totpdevice_set.get()
    submit_password(client, "desk")
    send_code(client, wrong_code(device))

    response = send_code(client, app_code(device))

    assert "Too many wrong codes in a row" in response.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302


def test_the_same_app_code_cannot_be_used_twice(client, enrolled_desk):
    device = enrolled_desk.totpdevice_set.get()
    code = app_code(device)
    submit_password(client, "desk")
    send_code(client, code)
    client.logout()
    submit_password(client, "desk")

    response = send_code(client, code)

    assert "That code is not right" in response.content.decode()


def test_a_recovery_code_opens_the_admin_once(client, enrolled_desk):
    codes = issue_recovery_codes(enrolled_desk)
    submit_password(client, "desk")
    first = send_code(client, f"{codes[0][:4]}-{codes[0][4:].upper()}")  # as shown, any case
    client.logout()
    submit_password(client, "desk")

    second = send_code(client, codes[0])

    assert first["Location"] == ADMIN_INDEX
    assert second.status_code == 200
    assert "That code is not right" in second.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302


def test_the_set_up_page_is_closed_once_an_app_is_confirmed(client, enrolled_desk):
    submit_password(client, "desk")

    response = client.get(ENROL_URL)
    qr = client.get(QR_URL)

    assert response["Location"].startswith(VERIFY_URL)
    assert qr.status_code == 404
    assert TOTPDevice.objects.filter(user=enrolled_desk).count() == 1


def test_the_second_factor_steps_need_the_password_first(client, enrolled_desk):
    for url in (VERIFY_URL, ENROL_URL, QR_URL):
        response = client.get(url)

        assert response["Location"] == reverse("admin:login"), url


def test_signing_out_before_the_second_factor(client, enrolled_desk):
    submit_password(client, "desk")

    response = client.post(reverse("staff_access:sign-out"))

    assert response["Location"] == reverse("admin:login")
    assert "_auth_user_id" not in client.session


def test_setting_up_an_app_needs_the_password_in_this_sign_in(client, desk):
    client.force_login(desk)
    session = client.session
    del session[PASSWORD_STEP_SESSION_KEY]  # a session in which nobody typed the password
    session.save()

    response = client.get(ENROL_URL)

    assert response["Location"] == reverse("admin:login")
    assert "_auth_user_id" not in client.session
    assert not TOTPDevice.objects.filter(user=desk).exists()


def test_setting_up_an_app_needs_a_password_typed_minutes_ago_not_hours(client, desk):
    submit_password(client, "desk")
    session = client.session
    session[PASSWORD_STEP_SESSION_KEY] -= 16 * 60
    session.save()

    response = client.get(ENROL_URL)

    assert response["Location"] == reverse("admin:login")
    assert not TOTPDevice.objects.filter(user=desk).exists()
