"""A staff member's private calendar feed (an ICS subscription for their phone): made, renewed
and turned off by them in the admin, read by their phone's calendar without a sign-in. The
address holds a random key; only its hash is stored, so the address is shown once, when made."""

import hashlib
import re
import secrets
from datetime import timedelta

import qrcode
import qrcode.image.svg
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from audit.trail import Action, record
from booking import ics
from booking.models import Booking, CalendarFeed
from booking.slots import rules
from consultations.models import ConsultationRequest
from ground import hours

PAST_DAYS = 7


def _hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def new_feed(user):
    """A new address for this user's feed; any older one stops working. Returns the key."""
    key = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        user=user, defaults={"key_hash": _hash(key), "created_at": timezone.now()}
    )
    return key


def end_feed(sender, user, **kwargs):
    """The address made under access that has since ended (staff_access.access_ended) stops."""
    CalendarFeed.objects.filter(user=user).delete()


def end_every_feed(sender, **kwargs):
    """After a restore (backups.restore.restored): the backup's addresses include ones revoked
    since; every staff member makes a new one, as they sign in again."""
    ended = CalendarFeed.objects.all().delete()[0]
    return [f"Ended {ended} calendar feed address(es): staff make a new one in the admin."]


def qr_code_svg(text):
    """The address as a QR code in inline SVG, made as the two-factor enrolment's is
    (staff_access/two_factor.py), with no style or script: CSP-safe. Inline, as no image URL may
    carry the key, which is shown this once."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, border=4)
    label = escape(_("QR code of your calendar address: point your phone’s camera at it"))
    svg = re.sub(
        r'^<svg width="[^"]*" height="[^"]*"',
        f'<svg width="240" height="240" role="img" aria-label="{label}"',
        image.to_string(encoding="unicode"),
        count=1,
    )
    return mark_safe(svg)  # noqa: S308 (qrcode's own path data; the label escaped)


def my_feed_view(request):
    if not request.user.has_perm("booking.view_booking"):
        raise PermissionDenied
    key = None
    if request.method == "POST":
        if "turn_off" in request.POST:
            CalendarFeed.objects.filter(user=request.user).delete()
        else:
            key = new_feed(request.user)
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("booking-feed", args=[key])) if key else ""
    # webcal:// opens the phone's calendar app to subscribe, where https:// would download.
    webcal_url = "webcal://" + feed_url.split("://", 1)[1] if feed_url else ""
    context = {
        **admin.site.each_context(request),
        "title": _("My calendar feed"),
        "feed": feed,
        "feed_url": feed_url,
        "webcal_url": webcal_url,
        "qr_code": qr_code_svg(webcal_url) if webcal_url else "",
        "with_patients": rules().settings.feed_shows_patients,
    }
    return TemplateResponse(request, "admin/booking/my_feed.html", context)


@never_cache
def feed_view(request, key):
    """The feed itself: held and confirmed consultations from a week ago on."""
    feed = CalendarFeed.objects.select_related("user").filter(key_hash=_hash(key)).first()
    user = feed.user if feed else None
    if user is None or not (
        user.is_active and user.is_staff and user.has_perm("booking.view_booking")
    ):
        raise Http404
    now = hours.now()
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    bookings = list(
        Booking.objects.active()
        .filter(ends_at__gte=now - timedelta(days=PAST_DAYS))
        .select_related("request")
        .order_by("starts_at")
    )
    with_patients = rules().settings.feed_shows_patients
    if with_patients:
        # Names and numbers left the site: on the trail, like an export.
        record(
            None,
            Action.EXPORTED,
            ConsultationRequest,
            user=user,
            scope="calendar feed",
            rows=len(bookings),
            ids=[b.request_id for b in bookings],
        )
    response = HttpResponse(
        ics.staff_feed(bookings, with_patients=with_patients),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="ecla-clinic.ics"'
    return response
