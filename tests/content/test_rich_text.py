"""The clinic's rich text (content/rich_text.py): paragraphs, lists, links and emphasis, nothing
that could run, restyle a page or send a patient elsewhere than a link says."""

from importlib import import_module

import pytest

from content.rich_text import clean, clean_inline, editable, sanitise, text_of


def test_text_typed_without_tags_becomes_paragraphs():
    assert (
        clean("First line.\n\nSecond & last.\r\n") == "<p>First line.</p><p>Second &amp; last.</p>"
    )


def test_paragraphs_lists_links_and_emphasis_are_kept():
    html = (
        '<p>Call <a href="tel:+97141234567">us</a> or <a href="/ar/contact/">visit</a>, '
        "<em>gently</em> <strong>now</strong>.</p><ul><li>one</li></ul><ol><li>two</li></ol>"
    )

    assert clean(html) == html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ('<p style="color:red">Hi</p>', "<p>Hi</p>"),
        ('<p onclick="steal()">Hi</p>', "<p>Hi</p>"),
        ("<p>Hi<script>steal()</script></p>", "<p>Hi</p>"),
        ("<style>p{display:none}</style><p>Hi</p>", "<p>Hi</p>"),
        ('<p><a href="javascript:steal()">Hi</a></p>', "<p><a>Hi</a></p>"),
        ('<p><a href="data:text/html,x">Hi</a></p>', "<p><a>Hi</a></p>"),
        ('<p><img src="https://tracker.example/p.gif">Hi</p>', "<p>Hi</p>"),
        ('<p><iframe src="https://evil.example/"></iframe>Hi</p>', "<p>Hi</p>"),
        ("<h2>Heading</h2>", "<p>Heading</p>"),
        ('<p class="x" id="y">Hi</p>', "<p>Hi</p>"),
    ],
)
def test_anything_else_is_taken_out_on_save(typed, stored):
    assert clean(typed) == stored


@pytest.mark.parametrize(
    "href", ["https://example.org/", "http://example.org/", "mailto:a@example.org", "/faq/"]
)
def test_links_go_to_the_web_mail_phone_or_this_site(href):
    html = f'<p><a href="{href}">x</a></p>'

    assert sanitise(html) == html


def test_the_migrated_answers_are_stored_as_the_sanitiser_leaves_them():
    faq = import_module("content.migrations.0002_faq_from_the_code").FAQ
    answers = [answer for _q_en, _q_ar, *both in faq for answer in both]

    assert [clean(answer) for answer in answers] == answers


def test_the_text_of_an_answer_reads_a_line_per_paragraph_or_item():
    html = '<p>Results vary &amp; take time.</p><ul><li>one</li><li><a href="/x">two</a></li></ul>'

    assert text_of(html) == "Results vary & take time.\none\ntwo"


def test_an_editor_edits_paragraphs_without_their_tags_and_gets_them_back():
    stored = "<p>One &amp; two.</p><p>Three <em>four</em>.</p><ul><li>five</li></ul>"

    edited = editable(stored)

    assert edited == "One & two.\n\nThree <em>four</em>.\n\n<ul><li>five</li></ul>"
    assert clean(edited) == stored


def test_an_article_body_keeps_its_headings_and_other_text_does_not():
    typed = "<h2>Before</h2>\n\nEat well.\n\n<h3>On the day</h3>\n\n<h1>Big</h1>"

    assert clean(typed, headings=True) == (
        "<h2>Before</h2><p>Eat well.</p><h3>On the day</h3><p>Big</p>"
    )
    assert clean("<h2>Before</h2>") == "<p>Before</p>"
    assert sanitise('<h2 id="x">Before</h2>', headings=True) == "<h2>Before</h2>"


def test_a_heading_is_a_line_of_its_own_in_the_text():
    assert text_of("<h2>Before</h2><p>Eat well.</p>") == "Before\nEat well."


def test_an_article_body_reads_back_as_typed_and_saves_again_unchanged():
    stored = "<h2>Before</h2><p>Eat well.</p><h3>On the day</h3><p>Rest.</p><ul><li>one</li></ul>"

    typed = editable(stored)

    assert typed == (
        "<h2>Before</h2>\n\nEat well.\n\n<h3>On the day</h3>\n\nRest.\n\n<ul><li>one</li></ul>"
    )
    assert clean(typed, headings=True) == stored
    assert clean("<h2>Before</h2>Eat well.", headings=True) == "<h2>Before</h2><p>Eat well.</p>"


def test_a_passage_is_one_inline_run_emphasis_and_links_kept():
    typed = '<p>Kept <strong>bold</strong>,\n\n<em>soft</em> & <a href="tel:+971">call</a></p>'

    assert clean_inline(typed) == (
        'Kept <strong>bold</strong>, <em>soft</em> &amp; <a href="tel:+971">call</a>'
    )


@pytest.mark.parametrize(
    "typed",
    [
        "<ul><li>a list</li></ul>",
        "<h2>a heading</h2>",
        '<span style="color:red">a style</span>',
        '<a href="javascript:alert(1)" onclick="x()">a script</a>',
    ],
)
def test_a_passage_keeps_no_block_no_style_and_no_script(typed):
    cleaned = clean_inline(typed)

    assert "<" not in cleaned.replace("<a>", "").replace("</a>", "")
    assert sanitise(typed, inline=True) == cleaned
