"""The accessibility checks can fail: axe, as the browser tests run it, names what it finds."""

from tests.system.browser.conftest import AXE_TAGS


def test_axe_names_each_violation_and_the_element_it_is_on(page, axe):
    page.set_content(
        "<!doctype html><html lang='en'><head><title>A page</title></head>"
        "<body><main><h1>A page</h1><img src='hair.png'><a href='/faq/'></a></main></body></html>"
    )

    assert axe(page) == [
        "image-alt: Images must have alternative text (img)",
        "link-name: Links must have discernible text (a)",
    ]
    assert "best-practice" in AXE_TAGS  # the rules beyond WCAG's, such as one <h1>, run too
