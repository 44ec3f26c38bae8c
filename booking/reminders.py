"""The day-before reminder: a wa.me link prefilled in the patient's language with the time, the
clinic's address and the patient's change link (no name: the link goes to the patient's own
number)."""

from urllib.parse import quote

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from booking.dates import visit_time


def reminder_text(booking, change_url):
    language = booking.request.language
    clinic = settings.CLINIC
    with translation.override(language):
        return gettext(
            "Hello from Ecla Clinic in Dubai. A reminder of your free consultation on "
            "%(time)s (Dubai time) at %(address)s. Map: %(map)s\n"
            "To change or cancel: %(link)s"
        ) % {
            "time": visit_time(booking.starts_at, language),
            "address": f"{clinic['street_address']}, {clinic['locality']}",
            "map": clinic["map_url"],
            "link": change_url,
        }


def reminder_url(booking, change_url):
    number = str(booking.request.whatsapp).lstrip("+")
    return f"https://wa.me/{number}?text={quote(reminder_text(booking, change_url))}"
