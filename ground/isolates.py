"""Names and numbers inside text of the other direction, each in an isolate of its own.

Without one, an Arabic name pulls the number beside it into its right-to-left run
(+971 52 222 3344 drawn as 3344 222 52 971+), and on an Arabic page a number's "+" and digit
groups are drawn right to left. The front desk reads these numbers aloud and dials them.
"""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

# First Strong Isolate and Pop Directional Isolate: <bdi> for plain text (a page title, a
# message), where no markup can go.
FSI = "\u2068"
PDI = "\u2069"


def number_text(number):
    """A phone number as people write it (+971 52 222 3344): PhoneNumber or str."""
    return getattr(number, "as_international", None) or str(number)


def number_ltr(number):
    """The number in its own left-to-right isolate: "+" first, then the groups, in any page."""
    return format_html('<bdi dir="ltr">{}</bdi>', number_text(number))


def name_bdi(name):
    """A patient's name in its own isolate, read with its own script's direction."""
    return format_html("<bdi>{}</bdi>", name)


def isolated(text):
    """The plain-text form of <bdi>, for titles and messages."""
    return f"{FSI}{text}{PDI}"


LINK = re.compile(r"(https?://\S+)")


def message_lines(text):
    """A message previewed as it will be sent: its lines kept, each link in a left-to-right
    isolate (inside a right-to-left paragraph a bare link is drawn with its "/" at its start)."""
    parts = LINK.split(text)
    html = "".join(
        number_ltr(part) if index % 2 else conditional_escape(part)
        for index, part in enumerate(parts)
    )
    return mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (every part escaped above)
