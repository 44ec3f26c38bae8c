"""The 'call us' pages (the error pages, the nginx page, the contact links) need the clinic's
number: `check --deploy` warns when CLINIC_PHONE is unset."""

from django.core import checks


def deploy_check_ids():
    return {message.id for message in checks.run_checks(include_deployment_checks=True)}


def test_the_deploy_check_warns_when_the_clinic_has_no_phone(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": ""}

    assert "ground.W001" in deploy_check_ids()


def test_the_deploy_check_is_quiet_once_the_phone_is_set(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}

    assert "ground.W001" not in deploy_check_ids()


def test_the_warning_says_which_setting_to_set(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "  "}

    (warning,) = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if message.id == "ground.W001"
    ]
    assert warning.level == checks.WARNING
    assert "CLINIC_PHONE" in warning.hint
