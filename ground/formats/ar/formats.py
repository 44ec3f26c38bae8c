# Dates in Arabic as the UAE writes them: day first, month names in Arabic, the Arabic comma,
# the 24-hour clock (Django's Arabic writes "g:i A" with Latin AM/PM). What is written with
# digits alone, and what a form accepts, is the same as in English.
from ground.formats.en.formats import (  # noqa: F401  (Django reads them from this module)
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    FIRST_DAY_OF_WEEK,
    MONTH_DAY_FORMAT,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    TIME_FORMAT,
    YEAR_MONTH_FORMAT,
)

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
