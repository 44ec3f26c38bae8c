"""The pages' words as the clinic published them (content/: passages, edited, reviewed and
published in the admin), each found by its key where the template says `{% passage "key" %}`
(templatetags/passages.py); the layout stays the template's.

A key the content lacks is a developer's mistake (a template naming a passage no migration made):
with DEBUG on it stops the page (MissingPassage); in production the page is served without those
words and the error log names the key, each time the page is rendered. A page is never rendered
from content this process could not read at all: its visitor gets the clinic's error page, 503,
and the page cache keeps nothing (`content_or_503`).
"""

import functools
import logging

from django.conf import settings
from django.utils.safestring import mark_safe

from content import live, rich_text
from ground.views import server_error

logger = logging.getLogger(__name__)

# The context variable of a preview: the passage whose draft shows in its place (pages/preview.py).
PREVIEW = "passage_preview"
RETRY_AFTER_SECONDS = 30


class MissingPassage(LookupError):
    pass


def words(context, key, language):
    """The passage's sanitised inline HTML in this language, safe to write in the page."""
    preview = context.get(PREVIEW)
    if preview is not None and preview[0] == key:
        return preview[1]
    passage = live.content().passages.get(key)
    if passage is None:
        if settings.DEBUG:
            raise MissingPassage(f"No published passage has the key {key!r}.")
        logger.error("No published passage has the key %r: the page shows nothing there", key)
        return ""
    return mark_safe(passage.text(language))  # noqa: S308 (sanitised when saved and read)


def plain(html):
    """A passage as plain text, for an attribute or the page's title (escaped where written)."""
    return rich_text.text_of(html)


def content_or_503(view):
    """A page's view that answers 503 with the clinic's error page (its phone, WhatsApp and
    address) while the content can't be read at all, instead of a page without its words."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except live.ContentUnavailable:
            response = server_error(request)
            response.status_code = 503
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            response["Cache-Control"] = "no-store"
            return response

    return wrapper
