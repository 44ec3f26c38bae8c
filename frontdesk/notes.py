"""Notes the site writes itself into the contact history (booking's events: a time chosen,
confirmed, declined, cancelled or moved) are read in the reader's language.

Such a note is stored twice: as its English sentence (`ContactEntry.note`, which exports and a
patient's copy of their data carry as before) and as what it was made of, its English words and
its moments (`ContactEntry.note_event`), so that each reader sees it written in their language.
Notes stored before `note_event` existed, and the front desk's own notes, are shown as written.
"""

from datetime import datetime

from django.utils import formats
from django.utils.translation import gettext

from ground.hours import CLINIC_TIMEZONE

# How a moment is written in a note: booking gives its consultation time ("Tue 1 Dec, 10:30")
# from its AppConfig.ready(), as apps above this one do for the exports and the thanks page.
time_writers = []


def write_times_with(write):
    time_writers.append(write)


class Note(str):
    """The note's English sentence, carrying the words and moments it was made of."""

    event = None


def made_of(sentence, words, moments):
    note = Note(sentence)
    note.event = {"text": words, "times": [moment.isoformat() for moment in moments]}
    return note


def event_of(note):
    return getattr(note, "event", None) or {}


def _write(moment):
    if time_writers:
        return time_writers[-1](moment)
    return formats.date_format(moment.astimezone(CLINIC_TIMEZONE), "SHORT_DATETIME_FORMAT")


def read(event):
    """The note in the active language (its English words where the catalogue has none)."""
    times = tuple(_write(datetime.fromisoformat(time)) for time in event["times"])
    return gettext(event["text"]) % times
