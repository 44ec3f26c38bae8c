"""Which requests are not a person looking at a page: bots, link previews and prefetches.

Bots and link previews (WhatsApp, Slack, Meta's for Facebook and Instagram, Telegram, …) are
recognised by the crawler list of the `crawler-user-agents` package (Martin Monperrus's
community list, about 1,500 patterns), not by a list of our own. Matching a browser's agent
against all of them takes a millisecond or two, so each distinct agent is matched once per
process: the answers are kept in this process's memory only, never written anywhere.
"""

from functools import lru_cache

from crawleruseragents import is_crawler

PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE")


@lru_cache(maxsize=4096)
def is_bot(user_agent):
    """True for a crawler, a monitor, a link preview, or a request without any user agent."""
    if not user_agent:
        return True
    return is_crawler(user_agent)


def is_prefetch(request):
    """A browser fetching a page the person may never look at (Sec-Purpose: prefetch)."""
    meta = request.META
    for header in PREFETCH_HEADERS:
        if header in meta:
            value = meta[header].lower()
            if "prefetch" in value or "preview" in value:
                return True
    return False
