"""The clinic's articles as patients read them (content/: written, reviewed and published in the
admin): the list at /articles/, each at /articles/<its slug>/, and the "Read more" links on the
treatment pages they concern. Each page is in the page cache and read from content/live.py when
it is rendered; a request only asks the kept read whether the address shows an article now (no
query), so an unknown address is a 404 nothing keeps, and the list is a 404 while none shows.
"""

from dataclasses import dataclass
from datetime import date

from django.http import Http404
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from content import live
from content.articles import TREATMENT_PAGES
from ground.page_cache import page_cache_response


@dataclass(frozen=True)
class ArticlePage:
    """An article in one language, as its page and the lists show it."""

    slug: str
    title: str
    summary: str
    body: SafeString  # paragraphs, h2 and h3 headings, lists, links, emphasis: sanitised
    author: str
    reviewer: str
    credentials: str
    published_on: date
    modified_on: date
    last_reviewed_on: date | None
    pages: tuple  # (page name, its label) of the treatment pages it concerns


def in_language(article, language):
    labels = dict(TREATMENT_PAGES)
    return ArticlePage(
        article.slug,
        *(article.text(name, language) for name in ("title", "summary")),
        # Sanitised when saved and again when read (content/live.py).
        mark_safe(article.text("body", language)),  # noqa: S308
        *(article.text(name, language) for name in ("author", "reviewer", "credentials")),
        article.published_on,
        article.modified_on,
        article.last_reviewed_on,
        tuple((name, labels[name]) for name in article.pages if name in labels),
    )


def published_articles():
    """The articles showing now in the page's language, newest first (read when rendered)."""
    language = get_language()
    return [in_language(article, language) for article in live.articles_now()]


def about(page_name):
    """The articles showing now that concern this treatment page, in the page's language."""
    language = get_language()
    return [
        in_language(article, language)
        for article in live.articles_now()
        if page_name in article.pages
    ]


@require_safe
def article_list(request):
    if not live.articles_now():
        raise Http404
    return page_cache_response(request, "pages/articles.html", {"articles": published_articles})


@require_safe
def article(request, slug):
    found = live.article_now(slug)
    if found is None:
        raise Http404
    # Made only when the page is rendered, not for each response of the cached page.
    context = {"article": lambda: in_language(found, get_language())}
    return page_cache_response(request, "pages/article.html", context)
