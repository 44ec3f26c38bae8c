"""The day-before reminder: a wa.me link prefilled in the patient's language with the time, the
clinic's address and the patient's change link (no name: the link goes to the patient's own
number). Each link on a line of its own: an Arabic line would draw a link's parts out of order."""

from urllib.parse import quote

from django.utils import translation
from django.utils.translation import gettext

from ground.clinic import clinic_details
from ground.dates import visit_time


def reminder_text(booking, change_url):
    language = booking.request.language
    with translation.override(language):
        clinic = clinic_details()
        return gettext(
            "Hello from Ecla Clinic in Dubai. A reminder of your free consultation on "
            "%(time)s (Dubai time) at %(address)s, %(city)s.\n"
            "Map:\n%(map)s\n"
            "To change or cancel:\n%(link)s"
        ) % {
            "time": visit_time(booking.starts_at, language),
            "address": clinic["street_address"],
            "city": clinic["locality"],
            "map": clinic["map_url"],
            "link": change_url,
        }


def reminder_url(booking, change_url):
    number = str(booking.request.whatsapp).lstrip("+")
    return f"https://wa.me/{number}?text={quote(reminder_text(booking, change_url))}"
