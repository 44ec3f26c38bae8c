"""The prices and packages the clinic published (content/), on the cost page in its language:
each amount in dirhams as the language writes it, "AED 1,500 to 2,500" in English and «من 1500
إلى 2500 درهم» in Arabic (Western digits, no Latin comma), each number in its own isolate."""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content import live


@dataclass(frozen=True)
class PriceLine:
    name: str
    includes: SafeString  # sanitised (content/rich_text.py)
    amount: SafeString


def figure(number, language):
    written = str(number) if language == "ar" else f"{number:,}"
    return format_html("<bdi>{}</bdi>", written)


def amount(low, high, language):
    if high is None:
        return format_html(_("AED {amount}"), amount=figure(low, language))
    return format_html(
        _("AED {low} to {high}"), low=figure(low, language), high=figure(high, language)
    )


def in_language(prices, language):
    return [
        PriceLine(
            price.name(language),
            mark_safe(price.includes(language)),  # noqa: S308 (sanitised when saved and read)
            amount(price.amount_from, price.amount_to, language),
        )
        for price in prices
    ]


def published_prices():
    """The published prices in their order, in the page's language (read when rendered)."""
    return in_language(live.published().prices, get_language())
