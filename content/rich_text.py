"""The clinic's rich text (an FAQ answer, a notice, an article): paragraphs, lists, links and
emphasis, and in an article's body (`headings=True`) its h2 and h3 headings; inline (`inline=True`:
a passage of a page, a heading, a paragraph, a list item or a table cell whose element is the
template's), emphasis and links only.

Sanitised with nh3 (Rust's ammonia) when an editor saves, and again when the live text is read:
no `style`, no script, no event handler, no other tag; a link goes only to http(s), mailto, tel
or an address on this site. Text typed without tags becomes paragraphs, a blank line between
two. Headings are for the bodies that need them (an article's), not for an answer or a notice.
"""

import re
from html.parser import HTMLParser

import nh3

TAGS = {"p", "br", "ul", "ol", "li", "a", "em", "strong"}
HEADINGS = {"h2", "h3"}  # an article's sections: its title is the page's h1
INLINE_TAGS = {"a", "em", "strong"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_BLOCK = re.compile(r"<(?:p|ul|ol|h2|h3)[\s>]", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_HEADING_END = re.compile(r"(</h[23]>)\s*", re.IGNORECASE)  # a heading is a block of its own


def sanitise(html, headings=False, inline=False):
    """Only the tags, attributes and links above; everything else's text is kept, escaped."""
    tags = TAGS | HEADINGS if headings else TAGS
    return nh3.clean(
        html,
        tags=INLINE_TAGS if inline else tags,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    ).strip()


def clean_inline(text):
    """The HTML to store for an inline passage: one run of text, its line breaks spaces."""
    return " ".join(sanitise(text, inline=True).split())


def clean(text, headings=False):
    """The HTML to store for what an editor typed: each block separated by a blank line that is
    not a paragraph, a list or (with `headings`) a heading once sanitised becomes a paragraph."""
    text = text.replace("\r\n", "\n")
    parts = _BLANK_LINE.split(_HEADING_END.sub("\\1\n\n", text) if headings else text)
    blocks = [sanitise(block, headings) for block in parts]
    html = "".join(block if _BLOCK.match(block) else f"<p>{block}</p>" for block in blocks if block)
    return sanitise(html, headings).replace("<p></p>", "")


def editable(html):
    """Stored HTML as an editor edits it: its paragraphs without their tags, a blank line between
    two and after a heading, and "&" as typed (`clean()` puts both back); lists, links, headings
    and emphasis as they are."""
    text = _PARAGRAPH.sub(lambda paragraph: f"{paragraph.group(1)}\n\n", html or "")
    text = _HEADING_END.sub("\\1\n\n", text)
    return text.replace("&amp;", "&").strip()


class _TextOf(HTMLParser):
    BREAKS = {"p", "li", "ul", "ol", "br", "h2", "h3"}

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
