"""{% slot %} (ground/templatetags/page_cache.py): in a page rendered as usual, the visitor's value
itself; in a page rendered for the page cache, a marker that the page itself records, filled with
each visitor's own value."""

from django.template import Context, Template
from django.test import RequestFactory

from ground.page_cache import SLOTS, PageSlots

PAGE = Template('{% load page_cache %}<p>{% slot "tests.ground.test_page_cache.visitor" %}</p>')


def visitor(request):
    return request.GET["name"]


def test_a_page_rendered_as_usual_gets_the_visitors_value_escaped():
    request = RequestFactory().get("/", {"name": "<Layla>"})

    html = PAGE.render(Context({"request": request}))

    assert html == "<p>&lt;Layla&gt;</p>"


def test_a_page_rendered_for_the_page_cache_records_what_fills_its_marker():
    slots = PageSlots()

    html = PAGE.render(Context({"request": RequestFactory().get("/"), SLOTS: slots}))

    [(marker, fill)] = slots.fills.items()
    assert html == f"<p>{marker}</p>"
    assert fill(RequestFactory().get("/", {"name": "Omar"})) == "Omar"


def test_each_page_rendered_for_the_page_cache_has_its_own_slots():
    first, second = PageSlots(), PageSlots()

    PAGE.render(Context({"request": RequestFactory().get("/"), SLOTS: first}))
    PAGE.render(Context({"request": RequestFactory().get("/"), SLOTS: second}))

    assert len(first.fills) == len(second.fills) == 1
    assert first.fills.keys() != second.fills.keys()
