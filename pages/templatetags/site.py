import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from content import live
from ground.hours_ahead import special_opening_hours
from pages.contents import PAGES

register = template.Library()

# A JSON-LD block must not be able to close its own <script> element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """A navigation link that tells assistive technology which page is the current one."""
    url = reverse(url_name)
    current = context["request"].path == url if "request" in context else False
    return format_html(
        '<a href="{}"{}>{}</a>', url, mark_safe(' aria-current="page"') if current else "", label
    )


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in each language: its address and the language's own name, current first.

    For the hreflang alternates in <head> (with x-default, the English page) and the switch.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        with override(current):
            path = translate_url(request.path, code)
        # Where a view asks (`switch_keeps_query`), the header's switch adds this visitor's
        # query string: most pages are cached for every visitor, whatever query the first
        # one came with.
        switch = f"{reverse('switch-language', args=[code])}?{urlencode({'next': path})}"
        versions.append(
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(path),
                "switch": switch,
                "current": code == current,
            }
        )
    return sorted(versions, key=lambda version: not version["current"])


@register.simple_tag(takes_context=True)
def clinic_json_ld(context):
    clinic = context["clinic"]
    request = context.get("request")
    home = request.build_absolute_uri(reverse("pages:home")) if request else reverse("pages:home")
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": clinic["name"],
        "inLanguage": get_language(),
        "url": home,
        "logo": request.build_absolute_uri(static("img/favicon.svg")) if request else None,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": clinic["street_address"],
            "addressLocality": clinic["locality"],
            "addressCountry": clinic["country"],
        },
        # The weekly hours, one specification per group of days and span (ground/hours.py).
        "openingHoursSpecification": clinic["opening_hours"],
        # Closed days and dated plans of the weeks ahead (the same calendar as the picker's).
        "specialOpeningHoursSpecification": special_opening_hours(),
        "hasMap": clinic["map_url"],
    }
    if clinic["phone"]:
        data["telephone"] = clinic["phone"]
    return json_ld({key: value for key, value in data.items() if value})


@register.simple_tag
def faq_json_ld(faqs):
    if not faqs:  # none published: no FAQPage to describe
        return ""
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": get_language(),
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": faq.question,
                    "acceptedAnswer": {"@type": "Answer", "text": faq.answer_text},
                }
                for faq in faqs
            ],
        }
    )


@register.simple_tag(takes_context=True)
def notice_banner(context):
    """The clinic's notices showing now ("Closed for Eid on …", content/live.py), at the top of
    every page's main content; nothing at all when none shows. On a preview of a draft
    (pages/preview.py): the preview's bar, then the notices it shows."""
    preview = context.get("content_preview")
    if preview is None:
        language = get_language()
        notices, bar = [notice.text(language) for notice in live.notices_now()], ""
    else:
        notices = preview.notices
        lines = format_html_join(" ", "{}", ((line,) for line in preview.lines))
        bar = format_html('<div class="preview-bar"><p class="container">{}</p></div>', lines)
    if not notices:
        return bar
    texts = format_html_join("", "{}", ((mark_safe(text),) for text in notices))  # noqa: S308
    return format_html(
        '{}<div class="notice-banner"><div class="container prose">{}</div></div>', bar, texts
    )


@register.simple_tag(takes_context=True)
def procedure_json_ld(context):
    request = context.get("request")
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "MedicalProcedure",
            "inLanguage": get_language(),
            "name": _("Exosome therapy for hair restoration"),
            "url": request.build_absolute_uri(request.path) if request else None,
            "description": _(
                "Exosomes are tiny, nano-sized extracellular vesicles released by cells, "
                "including stem cells. Injected into the scalp, they deliver growth factors, "
                "proteins and genetic material that signal dormant or weakened hair follicles "
                "to re-engage in active growth."
            ),
            "bodyLocation": _("Scalp"),
            "preparation": _(
                "Avoid medications that can increase bleeding, such as NSAIDs and blood "
                "thinners, for at least a week before the treatment; minimise alcohol and "
                "smoking; stay well hydrated; wash your hair on the day of the procedure."
            ),
            "howPerformed": _(
                "After the scalp is cleansed and numbed, a specialist injects the exosome "
                "solution into the areas of thinning hair with very fine needles. The process "
                "usually lasts between 30 and 60 minutes."
            ),
            "followup": _(
                "Do not wash your hair for 24–48 hours and avoid strenuous exercise, direct sun "
                "and scalp manipulation for a few days. Follow-up sessions are often spaced "
                "several months apart."
            ),
        }
    )


@register.simple_tag
def site_pages(where):
    """The pages linked from the "header" or the "footer": (URL name, label), in order."""
    label = "header_label" if where == "header" else "footer_label"
    links = [(page.url_name, getattr(page, label)) for page in PAGES if getattr(page, label)]
    if where == "footer" and live.articles_now():  # the articles, once one shows, after the FAQ
        after_faq = [url_name for url_name, _label in links].index("pages:faq") + 1
        links.insert(after_faq, ("pages:articles", _("Articles")))
    return links
