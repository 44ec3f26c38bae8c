"""The articles' structured data, and the "Read more" links on the pages they concern."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from pages import articles
from pages.templatetags.site import json_ld

register = template.Library()


def person(name, credentials=None):
    data = {"@type": "Person", "name": name}
    if credentials:
        data["hasCredential"] = {
            "@type": "EducationalOccupationalCredential",
            "name": credentials,
        }
    return data


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The page as a MedicalWebPage (what it is about, who reviewed it and when), and the
    article itself, in the page's language."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    language = get_language()
    about = [
        {
            "@type": "WebPage",
            "name": str(label),
            "url": request.build_absolute_uri(reverse(f"pages:{name}")),
        }
        for name, label in article.pages
    ] or [{"@type": "Thing", "name": article.title}]
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": url,
        "name": article.title,
        "description": article.summary,
        "inLanguage": language,
        "about": about,
        "reviewedBy": person(article.reviewer, article.credentials),
    }
    if article.last_reviewed_on:
        page["lastReviewed"] = article.last_reviewed_on.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.published_on.isoformat(),
        "dateModified": article.modified_on.isoformat(),
        "author": person(article.author),
        "inLanguage": language,
        "mainEntityOfPage": url,
    }
    return json_ld(page) + json_ld(data)


@register.simple_tag(takes_context=True)
def related_articles(context):
    """Under a treatment page's own words, the articles that concern it ("Read more"); nothing at
    all when none does, or on a page no article can concern."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None or match.namespace != "pages":
        return ""
    found = articles.about(match.url_name)
    if not found:
        return ""
    return render_to_string("includes/related_articles.html", {"articles": found})
