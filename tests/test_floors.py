"""The apps' floors (docs/architecture.md, "Layout"): what a lower app must do without the apps
above it."""

import os
import subprocess
import sys

from tests.servers import PROJECT_DIR

# The consultations app's own tests: the request, its form, spam defences, storage, admin,
# export, a patient's rights and the erasures a restore re-applies.
CONSULTATIONS_TESTS = [
    "tests/test_consultation_form.py",
    "tests/test_consultation_spam.py",
    "tests/test_consultation_admin.py",
    "tests/test_patient_data.py",
    "tests/test_erasures_after_restore.py",
    "tests/test_form_pages_in_the_page_cache.py",
    "tests/test_hostile_inputs.py",
    "tests/test_cache_outage_log.py",
    "tests/test_held_requests.py",
    "tests/test_held_requests_care.py",
]


def test_consultations_own_tests_pass_without_the_front_desk():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings_without_frontdesk"}

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CONSULTATIONS_TESTS],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout
