"""The requests report's bar links say what they show: each link's accessible name holds its
visible words (axe's label-content-name-mismatch, experimental in axe and so run by name), at
390 and 1280 px, in English and Arabic, a source's name cut short on its bar among them."""

import pytest

from tests.factories import make_request, make_superuser
from tests.system.browser.conftest import AXE_JS, DESKTOP, PHONE, sign_in_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

LONG_SOURCE = "winter-newsletter-hair-restoration-offer"


def mismatches(page):
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "rule => axe.run(document, {runOnly: {type: 'rule', values: [rule]}})",
        "label-content-name-mismatch",
    )
    return [node["html"] for rule in result["violations"] for node in rule["nodes"]]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_bar_links_name_holds_the_words_drawn_on_it(
    page, live_server, front_desk_group, language
):
    for n, source in enumerate(["instagram", "instagram", LONG_SOURCE]):
        make_request(name=f"Patient {n}", phone=f"+97150000000{n}", utm_source=source)
    sign_in_staff(page, live_server, make_superuser())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    found = {}
    for width, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        page.goto(f"{live_server.url}/admin/consultations/consultationrequest/report/")
        assert page.locator(".report-svg a").count() >= 2
        found[width] = mismatches(page)
    assert found == {"390": [], "1280": []}
