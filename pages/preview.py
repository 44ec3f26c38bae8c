"""A draft on the real page before it is published: the FAQ page with an entry's draft in its
place, the home page with a notice's draft showing, a passage's page with its draft in place
(marked), an article's own page, the cost page with a price's draft in its place, or the contact
page with the draft of the contact details (the header and footer show them too). For
signed-in staff who may see the content (the admin's sign-in and second factor), in the language
of its address; never from the page cache, never kept by a browser or a proxy
(`private, no-store`), never indexed (`noindex`).
"""

import copy
from dataclasses import dataclass, replace

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content import live, rich_text
from content.clinic_contact import live_contact
from content.models import Article, ContactDetails, FaqEntry, Notice, Passage, Price
from ground import hours
from ground.clinic import clinic_details
from pages import articles, passages, prices
from pages.contents import PAGES
from pages.faq import Question, in_language

# What each kind of item is previewed on: its model, and the page (pages/contents.py; None: the
# article's own page, a passage's own).
PREVIEWS = {
    "faq": (FaqEntry, "faq"),
    "notice": (Notice, "home"),
    "passage": (Passage, None),
    "article": (Article, None),
    "price": (Price, "cost-and-safety"),
    "contact": (ContactDetails, "contact"),
}


@dataclass(frozen=True)
class Preview:
    """What base.html's {% notice_banner %} shows on a preview: the bar, then the notices."""

    lines: list
    notices: list


def missing_text():
    return _("Missing in this language: it can't be published without it.")


def missing_block():
    """In place of a paragraph or a list the draft lacks in this language."""
    return format_html('<p class="preview-missing">{}</p>', missing_text())


def with_draft_in_place(item):
    """The published items of its kind with this one among them (or added): the draft's order
    for it, the live order for the others."""
    items = [*type(item).objects.live().exclude(pk=item.pk), item]
    items.sort(
        key=lambda other: (other.draft_position if other is item else other.position, other.pk)
    )
    return items


def draft_question(entry, language):
    question = getattr(entry, f"draft_question_{language}").strip() or missing_text()
    answer = rich_text.sanitise(getattr(entry, f"draft_answer_{language}"))
    answer = answer or missing_block()
    return Question(question, mark_safe(answer))  # noqa: S308 (sanitised)


def faq_preview(entry, language):
    """The published FAQ with this entry's draft in its place (or added), in the draft's order."""
    return [
        draft_question(item, language)
        if item is entry
        else in_language([live.live_faq(item)], language)[0]
        for item in with_draft_in_place(entry)
    ]


def as_published(item):
    """The item as publishing its draft would leave it, not saved."""
    draft = copy.copy(item)
    for name, value in item.values(draft=True).items():
        setattr(draft, name, value)
    draft.published_at = item.published_at or hours.now()
    return draft


def article_preview(article, language):
    """The article's page with its draft, each text it lacks in this language said so."""
    page = articles.in_language(live.live_article(as_published(article)), language)
    missing = {
        name: missing_text() for name in ("title", "summary", "author", "reviewer", "credentials")
    }
    if not page.body:
        missing["body"] = missing_block()
    return replace(
        page, **{name: value for name, value in missing.items() if not getattr(page, name)}
    )


def price_preview(price, language):
    """The published prices with this price's draft in its place (or added), in the draft's
    order; a name or the text of what it includes it lacks said so."""
    lines = []
    for item in with_draft_in_place(price):
        shown = live.live_price(as_published(item) if item is price else item)
        if shown.amount_from is None:
            continue
        (line,) = prices.in_language([shown], language)
        if item is price:
            line = replace(
                line, name=line.name or missing_text(), includes=line.includes or missing_block()
            )
        lines.append(line)
    return lines


def contact_preview(details, language):
    """The clinic's details with the draft's in their place; an address it lacks in this
    language said so."""
    shown = live_contact(as_published(details)).details(language)
    shown["street_address"] = shown["street_address"] or missing_text()
    return clinic_details(draft=shown)


def draft_passage(passage, language):
    """(key, the draft's words in this language, marked): what {% passage %} shows for it."""
    text = rich_text.sanitise(getattr(passage, f"draft_text_{language}"), inline=True)
    shown = format_html('<mark class="preview-draft">{}</mark>', mark_safe(text))  # noqa: S308
    if not text:
        shown = format_html('<span class="preview-missing">{}</span>', missing_text())
    return passage.key, shown


def when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else None


def notice_lines(notice):
    starts, ends = when(notice.draft_publish_at), when(notice.draft_expire_at)
    if starts and ends:
        return [_("Shown from %(starts)s until %(ends)s.") % {"starts": starts, "ends": ends}]
    if starts:
        return [_("Shown from %(starts)s until it is taken down.") % {"starts": starts}]
    if ends:
        return [_("Shown from its publication until %(ends)s.") % {"ends": ends}]
    return [_("Shown from its publication until it is taken down.")]


def preview(request, kind, pk):
    if kind not in PREVIEWS:
        raise Http404
    model, page_name = PREVIEWS[kind]
    if not request.user.has_perm(f"content.view_{model._meta.model_name}"):
        raise PermissionDenied
    item = get_object_or_404(model, pk=pk)
    if kind == "article":
        template, context = "pages/article.html", {}
    else:
        page = next((page for page in PAGES if page.name == (page_name or item.page)), None)
        if page is None:
            raise Http404
        template, context = page.template, dict(page.context)
    language = get_language()
    lines = [_("Preview of a draft: it is not on the site.")]
    notices = [notice.text(language) for notice in live.notices_now()]
    if kind == "faq":
        context["faqs"] = faq_preview(item, language)
    elif kind == "passage":
        context[passages.PREVIEW] = draft_passage(item, language)
    elif kind == "notice":
        lines += notice_lines(item)
        text = rich_text.sanitise(getattr(item, f"draft_text_{language}"))
        notices = [text or missing_block()]
    elif kind == "article":
        context["article"] = article_preview(item, language)
    elif kind == "contact":
        context["clinic"] = contact_preview(item, language)
    else:
        context["prices_preview"] = price_preview(item, language)
    context["content_preview"] = Preview(lines, [mark_safe(notice) for notice in notices])  # noqa: S308
    response = TemplateResponse(request, template, context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# Behind the admin's door: signed in, staff, second factor confirmed (staff_access's admin site).
view = admin.site.admin_view(preview, cacheable=True)
