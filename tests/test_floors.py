"""The apps' floors (docs/architecture.md, "Layout"): what a lower app must do without the apps
above it."""

import os
import subprocess
import sys

from tests.servers import PROJECT_DIR

# The consultations app's own tests: the request, its form, spam defences, storage, the held
# requests and a patient's copy and erasure of them. Not the request's staff screens (its admin,
# export, a patient's data page and `manage.py patient_data`): those are the front desk's.
CONSULTATIONS_TESTS = [
    "tests/test_consultation_form.py",
    "tests/test_consultation_spam.py",
    "tests/test_form_pages_kept_rendered.py",
    "tests/test_hostile_inputs.py",
    "tests/test_cache_outage_log.py",
    "tests/test_held_requests.py",
    "tests/test_held_requests_care.py",
]
# Of those, the tests that look at a request on the staff's screens, or at the staff email, which
# links to the request's page in the admin: both are the front desk's (frontdesk/admin.py), above.
ON_STAFF_SCREENS = [
    "tests/test_consultation_form.py::test_staff_are_emailed_a_link_without_personal_details",
    "tests/test_consultation_spam.py::test_a_person_gets_status_new_and_staff_get_an_email",
    "tests/test_consultation_spam.py::test_mistyped_attempts_do_not_make_the_valid_request_spam",
    "tests/test_hostile_inputs.py::test_hostile_text_is_refused_clearly_or_stored_as_typed_and_shown_escaped",
    "tests/test_held_requests.py::test_when_the_database_is_back_the_held_request_is_stored_as_it_was_sent",
]


def test_consultations_own_tests_pass_without_the_front_desk():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings_without_frontdesk"}

    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            *CONSULTATIONS_TESTS,
            *(f"--deselect={test}" for test in ON_STAFF_SCREENS),
        ],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout
