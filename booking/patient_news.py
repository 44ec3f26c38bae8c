"""What the front desk sends the patient after Confirm, Move or Decline: a wa.me link prefilled
in the patient's language (whatever the staff member's) with the time and the patient's visit
link, like the day-before reminder (reminders.py). No name: it goes to the patient's own number."""

from urllib.parse import quote

from django.utils import translation
from django.utils.translation import gettext

from ground.dates import visit_time

NEWS = ("confirmed", "moved", "declined")


def news_text(booking, news, link, before=None):
    language = booking.request.language
    with translation.override(language):
        values = {
            "time": visit_time(booking.starts_at, language),
            "before": visit_time(before, language) if before else "",
            "link": link,
        }
        if news == "confirmed":
            text = gettext(
                "Hello from Ecla Clinic in Dubai. Your free consultation on %(time)s (Dubai time) "
                "is confirmed.\nTo see, change or cancel it: %(link)s"
            )
        elif news == "moved":
            text = gettext(
                "Hello from Ecla Clinic in Dubai. We have moved your free consultation from "
                "%(before)s to %(time)s (Dubai time).\nTo see, change or cancel it: %(link)s"
            )
        else:
            text = gettext(
                "Hello from Ecla Clinic in Dubai. We are sorry: we could not keep your free "
                "consultation on %(time)s.\nTo choose another time: %(link)s"
            )
        return text % values


def news_url(text, booking):
    number = str(booking.request.whatsapp).lstrip("+")
    return f"https://wa.me/{number}?text={quote(text)}"
