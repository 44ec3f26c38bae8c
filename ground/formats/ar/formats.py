# Dates in Arabic as the UAE writes them: day first, month names in Arabic («أبريل» as the Gulf
# writes it: Django's alternative month names, E; its F gives the Egyptian «إبريل»), the Arabic
# comma, the 24-hour clock. What is written with digits alone, and what a form accepts, is the
# same as in English.
from ground.formats.en.formats import (  # noqa: F401  (Django reads them from this module)
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    FIRST_DAY_OF_WEEK,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    TIME_FORMAT,
)

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y، H:i"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = "j E"
