"""The clinic's rich text (an FAQ answer, a notice): paragraphs, lists, links and emphasis only;
inline (a passage of a page: a heading, a paragraph, a list item or a table cell, whose element
is the template's), emphasis and links only.

Sanitised with nh3 (Rust's ammonia) when an editor saves, and again when the live text is read:
no `style`, no script, no event handler, no other tag; a link goes only to http(s), mailto, tel
or an address on this site. Text typed without tags becomes paragraphs, a blank line between
two. Headings are for bodies that need them (articles, a later step), not for these.
"""

import re
from html.parser import HTMLParser

import nh3

TAGS = {"p", "br", "ul", "ol", "li", "a", "em", "strong"}
INLINE_TAGS = {"a", "em", "strong"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_BLOCK = re.compile(r"<(?:p|ul|ol)[\s>]", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def sanitise(html, inline=False):
    """Only the tags, attributes and links above; everything else's text is kept, escaped."""
    return nh3.clean(
        html,
        tags=INLINE_TAGS if inline else TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    ).strip()


def clean_inline(text):
    """The HTML to store for an inline passage: one run of text, its line breaks spaces."""
    return " ".join(sanitise(text, inline=True).split())


def clean(text):
    """The HTML to store for what an editor typed: each block separated by a blank line that is
    not a paragraph or a list once sanitised becomes a paragraph."""
    blocks = [sanitise(block) for block in _BLANK_LINE.split(text.replace("\r\n", "\n"))]
    html = "".join(block if _BLOCK.match(block) else f"<p>{block}</p>" for block in blocks if block)
    return sanitise(html).replace("<p></p>", "")


def editable(html):
    """Stored HTML as an editor edits it: its paragraphs without their tags, a blank line between
    two, and "&" as typed (`clean()` puts both back); lists, links and emphasis as they are."""
    text = _PARAGRAPH.sub(lambda paragraph: f"{paragraph.group(1)}\n\n", html or "")
    return text.replace("&amp;", "&").strip()


class _TextOf(HTMLParser):
    BREAKS = {"p", "li", "ul", "ol", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BREAKS:
            self.parts.append("\n")


def text_of(html):
    """The text a reader reads, a line per paragraph or list item: for the structured data and
    for the copy rules (which must not read a link's address as words)."""
    parser = _TextOf()
    parser.feed(html or "")
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
