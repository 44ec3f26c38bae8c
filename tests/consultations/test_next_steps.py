"""The form and the thanks page say what happens now that the patient can choose a time: no
longer "we arrange a time together", in English and Arabic."""

import re

import pytest

from tests.factories import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

OLD = {
    "en": ["arrange a time", "to arrange your", "Together we choose a time"],
    "ar": ["نحدّد معك موعدًا", "لتحديد موعد", "نختار معًا موعدًا"],
}
NEW = {
    "en": {
        "form": ["You choose a time for your free consultation right after sending",
                 "Next you can choose a time for your free consultation"],
        "thanks": ["to confirm the time of your free consultation",
                   "the one you chose, or one we find together"],
    },
    "ar": {
        "form": ["تختار موعد استشارتك المجانية بعد الإرسال مباشرةً",
                 "بعد الإرسال يمكنك اختيار موعد استشارتك المجانية"],
        "thanks": ["لتأكيد موعد استشارتك المجانية", "الموعد الذي اخترته، أو موعدًا نحدّده معًا"],
    },
}  # fmt: skip


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_form_and_thanks_pages_say_the_patient_can_choose_a_time(client, settings, language):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0
    prefix = "/ar" if language == "ar" else ""
    form = text(client.get(f"{prefix}/consultation/"))
    sent = client.post(f"{prefix}/consultation/", form_data())
    thanks_page = client.get(sent["Location"])
    thanks = text(thanks_page)

    for old in OLD[language]:
        assert old not in form and old not in thanks
    for new in NEW[language]["form"]:
        assert new in form
    for new in NEW[language]["thanks"]:
        assert new in thanks
    assert "/consultation/time/?r=" in thanks_page.content.decode()  # the link to choose
