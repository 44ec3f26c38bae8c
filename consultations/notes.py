"""Notes the site writes itself into the contact history (booking's events: a time chosen,
confirmed, declined, cancelled or moved) are read in the reader's language.

Such a note is stored twice: as its English sentence (`ContactEntry.note`, which exports and a
patient's copy of their data carry as before) and as what it was made of, its English words and
its moments (`ContactEntry.note_event`), so that each reader sees it written in their language.
Notes stored before `note_event` existed, and the front desk's own notes, are shown as written.
"""

from datetime import datetime

from django.utils.translation import gettext, override

from ground.dates import visit_time


class Note(str):
    """The note's English sentence, carrying the words and moments it was made of."""

    event = None


def made_of(sentence, words, moments):
    note = Note(sentence)
    note.event = {"text": words, "times": [moment.isoformat() for moment in moments]}
    return note


def in_english(words, *moments):
    """A note in English with Dubai's times (as exports carry it), made of words each reader sees
    in their language in the history: mark them with gettext_noop."""
    with override("en"):
        sentence = words % tuple(visit_time(moment, "en") for moment in moments)
    return made_of(sentence, words, moments)


def event_of(note):
    return getattr(note, "event", None) or {}


def read(event):
    """The note in the active language (its English words where the catalogue has none), its
    times as the UAE writes them ("Tue 1 Dec, 10:30")."""
    times = tuple(visit_time(datetime.fromisoformat(time)) for time in event["times"])
    return gettext(event["text"]) % times
