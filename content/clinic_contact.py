"""The contact details the clinic published, as every page shows them (ground/clinic.py asks
`published_details()`), and which copy a page shows when the database is away:

1. this process's last read of the content (content/live.py keeps it through an outage);
2. else, for a process that never read it (started during the outage), this host's copy: a small
   file (CLINIC_DETAILS_FILE) each process rewrites when a read finds the details changed;
3. else the environment's (CLINIC_* where the site is installed), as before anything was
   published.

nginx's try-again page, a file nginx serves when no gunicorn answers, is written from the same
details by a timer (`nginx_error_page --output`), and kept as it was while they can't be read.
"""

import json
import logging
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

from content import live
from ground.files import replace_whole
from ground.limits import log_store_unavailable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LiveContact:
    phone: str  # as shown: +971 4 123 4567
    whatsapp: str  # or "": not shown
    email: str  # or "": not shown
    address_en: str
    address_ar: str
    map_url: str  # or "": the environment's

    def details(self, language):
        """What they change of ground/clinic.py's details, in this language."""
        shown = {"phone": self.phone, "whatsapp": self.whatsapp, "email": self.email}
        shown["street_address"] = self.address_ar if language == "ar" else self.address_en
        if self.map_url:
            shown["map_url"] = self.map_url
        return shown


def live_contact(details):
    return LiveContact(
        *(getattr(details, name).strip() for name in ("phone", "whatsapp", "email")),
        " ".join(details.address_en.split()),
        " ".join(details.address_ar.split()),
        details.map_url.strip(),
    )


def published_details():
    """(what the clinic published changes of the details, or None; where they come from):
    "admin" (published), "environment" (none published yet) or "unread" (this process never
    read the content: this host's copy if it has one, else None)."""
    current = live.published()
    language = get_language()
    if not current.read:
        kept = host_copy.read()
        return (kept.details(language) if kept else None), "unread"
    if current.contact is None:
        return None, "environment"
    return current.contact.details(language), "admin"


MISSING = object()


class HostCopy:
    """The last published details this host read, in CLINIC_DETAILS_FILE."""

    def __init__(self):
        self._lock = threading.Lock()
        self._kept = {}  # {path: the details last written there (or found there), None: none}

    def keep(self, contact):
        """Write them if they aren't what this process last wrote or found (None: remove the
        file). Called by each read of the content (live.py); a disk that can't be written is
        logged once a minute and the read still counts."""
        path = settings.CLINIC_DETAILS_FILE
        if self._kept.get(path, MISSING) == contact:
            return
        with self._lock:
            if path not in self._kept:
                self._kept[path] = self.read()
                if self._kept[path] == contact:
                    return
            try:
                write(Path(path), contact)
            except OSError:
                log_store_unavailable(logger, f"The clinic's details can't be kept in {path}")
            # Not tried again until they change: a read-only disk costs nothing per request.
            self._kept[path] = contact

    def read(self):
        try:
            return LiveContact(**json.loads(Path(settings.CLINIC_DETAILS_FILE).read_text()))
        except (OSError, ValueError, TypeError):
            return None

    def forget(self):
        """As a process starts: nothing written yet (the tests: each with its own file)."""
        with self._lock:
            self._kept.clear()


def write(path, contact):
    if contact is None:
        path.unlink(missing_ok=True)
    else:
        replace_whole(path, json.dumps(asdict(contact), ensure_ascii=False))


host_copy = HostCopy()
