"""A small reader for the parts of a page the tests look at, built on the standard library."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    title: str = ""
    h1_count: int = 0
    meta: dict = field(default_factory=dict)
    links: list = field(default_factory=list)
    canonical: str = ""
    json_ld: list = field(default_factory=list)
    text: str = ""


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = Page()
        self._in_title = False
        self._json_ld_chunks = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.page.h1_count += 1
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.page.meta[attrs.get("name") or attrs["property"]] = attrs.get("content", "")
        elif tag == "a" and "href" in attrs:
            self.page.links.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.page.canonical = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._json_ld_chunks = []

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "script" and self._json_ld_chunks is not None:
            self.page.json_ld.append(json.loads("".join(self._json_ld_chunks)))
            self._json_ld_chunks = None

    def handle_data(self, data):
        if self._in_title:
            self.page.title += data
        elif self._json_ld_chunks is not None:
            self._json_ld_chunks.append(data)
        else:
            self._text.append(data)

    def close(self):
        super().close()
        self.page.text = " ".join(" ".join(self._text).split())


def parse(response):
    parser = _PageParser()
    parser.feed(response.content.decode())
    parser.close()
    return parser.page
