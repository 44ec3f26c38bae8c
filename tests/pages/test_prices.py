"""The prices and packages on the cost page (pages/prices.py): none today, so the page is as it
was; once published, each with its amount as each language writes it, numbers isolated."""

import pytest

from tests.content_factories import make_price
from tests.html import parse
from tests.pages.test_arabic_copy import DASHED_RANGE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("faq_as_migrated")]


def test_while_no_price_is_published_the_cost_page_has_no_prices_section(client):
    make_price(published_at=None, status="draft")

    html = client.get("/cost-and-safety/").content.decode()

    assert 'id="prices"' not in html and "AED" not in html


def test_the_published_prices_show_in_their_order_in_english(client):
    make_price(position=2)
    make_price(position=1, name_en="Consultation", amount_from=300, amount_to=None)

    page = parse(client.get("/cost-and-safety/"))
    html = client.get("/cost-and-safety/").content.decode()

    assert page.text.index("Prices") < page.text.index("Safety profile")
    assert page.text.index("Consultation AED") < page.text.index("Exosome session")
    assert "AED <bdi>1,500</bdi> to <bdi>2,500</bdi>" in html
    assert "AED <bdi>300</bdi>" in html
    assert "One session and a follow-up call." in page.text


def test_an_arabic_range_reads_from_and_to_in_western_digits(client):
    make_price()

    response = client.get("/ar/cost-and-safety/")
    html = response.content.decode()

    assert "من <bdi>1500</bdi> إلى <bdi>2500</bdi> درهم" in html
    assert "جلسة الإكسوسومات" in parse(response).text
    assert DASHED_RANGE.findall(parse(response).text) == []
    assert "1,500" not in html
