"""The front desk's email of each new request, through an outbox.

`queue` writes a row in the request's own transaction; the row names the request and nothing
else. `send_due` sends what is due after the patient's response, from a thread in each server
process (`start_sender`, beside the held-requests drainer) or `manage.py staff_emails --send`.
A sender claims a row by moving its next attempt forward in a conditional UPDATE, so two
processes or two hosts never send one notification twice; a failure is logged and tried again
later, each wait twice the last, up to an hour, until the mail server takes it.
"""

import logging
import os
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import connections
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations.models import StaffNotification

logger = logging.getLogger(__name__)

BATCH = 20
IDLE_SECONDS = 5
# Longer than the mail server's timeout (EMAIL_TIMEOUT, 10 s) with room to spare: a sender that
# died mid-send gives its row back to the others after this long.
CLAIM = timedelta(minutes=2)
LONGEST_WAIT = timedelta(hours=1)
_sender = {"pid": None}


def queue(consultation, site_url):
    """Inside the request's transaction: the front desk will hear of it once it is committed.
    `site_url` is the scheme and host the patient used ("https://www.example.ae")."""
    if settings.CONSULTATION_NOTIFY_EMAILS:
        StaffNotification.objects.create(request=consultation, site_url=site_url)


def wait_after(attempts):
    first = timedelta(seconds=settings.STAFF_EMAIL_FIRST_RETRY_SECONDS)
    return min(first * 2 ** (attempts - 1), LONGEST_WAIT)


def claim(row, now):
    """True when this sender took the row: no other sender took it since it was read."""
    return bool(
        StaffNotification.objects.filter(pk=row.pk, next_attempt_at=row.next_attempt_at).update(
            next_attempt_at=now + CLAIM, attempts=F("attempts") + 1
        )
    )


def email(row):
    """The subject and body: a link to the request in the admin, never the patient's details."""
    path = reverse("admin:consultations_consultationrequest_change", args=[row.request_id])
    # In the staff's language, not the patient's: one inbox, one language.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New consultation request #%(id)s") % {"id": row.request_id}
        message = _(
            "A new free-consultation request has arrived on the website.\n\n"
            "Open it in the admin to call or WhatsApp the patient:\n%(url)s\n"
        ) % {"url": f"{row.site_url}{path}"}
    return subject, message


def send(row, now):
    """Send one claimed row; True when the mail server took it."""
    try:
        subject, message = email(row)
        send_mail(
            subject,
            message,
            from_email=None,
            recipient_list=settings.CONSULTATION_NOTIFY_EMAILS,
        )
    except Exception as error:
        attempts = row.attempts + 1
        logger.exception(
            "Could not email staff about consultation request #%s (attempt %s); trying again",
            row.request_id,
            attempts,
        )
        StaffNotification.objects.filter(pk=row.pk).update(
            next_attempt_at=now + wait_after(attempts),
            last_error=f"{type(error).__name__}: {error}"[:200],
        )
        return False
    StaffNotification.objects.filter(pk=row.pk).delete()
    return True


def send_due(now=None):
    """Send every notification due by `now`, oldest first; returns how many the mail server took.

    Stops at the first failure: a mail server that is away (or hangs for EMAIL_TIMEOUT) costs
    one attempt a round, and what was not tried is due the moment it is back.
    """
    now = now or timezone.now()
    if not settings.CONSULTATION_NOTIFY_EMAILS:
        return 0
    sent = 0
    # Each row read is claimed here or was claimed by another sender: either way it leaves
    # what is due, so this ends.
    while due := list(StaffNotification.objects.filter(next_attempt_at__lte=now)[:BATCH]):
        for row in due:
            if not claim(row, now):
                continue
            if not send(row, now):
                return sent
            sent += 1
    return sent


def waiting():
    """How many notifications wait, and since when the oldest does (None when none)."""
    oldest = StaffNotification.objects.order_by("created_at").first()
    return StaffNotification.objects.count(), oldest and oldest.created_at


def send_forever():
    while True:
        time.sleep(IDLE_SECONDS)
        try:
            send_due()
        except Exception:
            logger.exception("Sending staff emails failed; trying again")
        finally:
            connections.close_all()


def start_sender():
    """Start this process's sender thread (once per process, also after a fork)."""
    if not settings.STAFF_EMAIL_SEND or _sender["pid"] == os.getpid():
        return
    _sender["pid"] = os.getpid()
    threading.Thread(target=send_forever, name="staff-email-sender", daemon=True).start()
