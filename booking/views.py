"""The patient's side: choose a time (after the form), and a clear page for a link that expired
or was never ours. The visit page behind the signed link is booking/visit.py."""

from datetime import date, datetime

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from booking import history, links, picking, slots, taking
from booking.lapsing import lapse_overdue
from booking.models import Booking
from booking.picker_page import TIMES_SLOT, times_form
from consultations.models import ConsultationRequest
from consultations.references import public_id_from
from ground import dates, hours
from ground.hours import CLINIC_TIMEZONE
from ground.kept import kept_response

PICK_TEMPLATE = "booking/pick.html"


def link_not_valid(request):
    """An expired, mangled or forged link: say so, and how to reach the clinic."""
    return render(request, "booking/link_not_valid.html", status=404)


def visit_or_none(token, *, now=None):
    """The booking a visit link names (by its public id), or None when it is forged, made
    before the public ids, the visit is over, or the front desk stopped the request's links. A
    spam request's link (links.decoy_path) gives an unsaved booking (no pk) that reads like any
    other."""
    now = now or hours.now()
    public_id = links.public_id_from(token)
    if public_id is None:
        return picking.shown_only_booking(token, now)
    lapse_overdue(now)  # the page says "lapsed" the moment it is due, not when someone books
    booking = (
        Booking.objects.select_related("request")
        .filter(public_id=public_id, request__links_stopped_at__isnull=True)
        .first()
    )
    if booking is None or booking.ends_at <= now:
        return None
    return booking


def parse_time(value):
    """A time the form sent ("2026-12-01T10:30", Dubai), or None when it isn't one."""
    try:
        parsed = datetime.strptime(value or "", "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    return parsed.replace(tzinfo=CLINIC_TIMEZONE)


def parse_day(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@method_decorator(never_cache, name="dispatch")
class PickView(View):
    """GET ?r=<request reference> (after the form) or ?v=<visit link> (change a time)."""

    def get(self, request):
        params = request.GET
        now = hours.now()
        if params.get("v"):
            booking = visit_or_none(params["v"], now=now)
            if booking is None or _begun(booking, now):
                return link_not_valid(request)
            leave_out = booking.pk if booking.is_active else None
            form = times_form(
                request,
                visit=params["v"],
                now=now,
                first_day=parse_day(params.get("from")),
                leave_out=leave_out,
                current=booking.starts_at if booking.is_active else None,
                fresh=False,
            )
        else:
            found = picking.request_and_its_time(public_id_from(params.get("r")))
            if found is None:
                return link_not_valid(request)
            if found[1] is not None:
                # A request with a time opens its visit page (see, change or cancel it): the
                # picker would move a confirmed time without saying so.
                return redirect(
                    links.visit_path(Booking(public_id=found[1]), request_language(request))
                )
            # Shown from what this process read in the last seconds (slots.TAKEN_SECONDS); the
            # choice itself is the database's to accept.
            form = times_form(
                request,
                reference=params["r"],
                now=now,
                first_day=parse_day(params.get("from")),
                fresh=False,
            )
        # The switch to the other language keeps ?r= (or ?v=): it names the patient's request.
        return kept_response(
            request, PICK_TEMPLATE, {"switch_keeps_query": True}, values={TIMES_SLOT: form}
        )

    def post(self, request):
        if picking.over_the_limit(request):
            return picking.render_too_many(request)
        data = request.POST
        now = hours.now()
        booking = None
        if data.get("v"):
            booking = visit_or_none(data["v"], now=now)
            if booking is None or _begun(booking, now):
                return link_not_valid(request)
            if booking.pk is None:
                return self.shown_only(request, now, booking)
            consultation = booking.request
        else:
            consultation = ConsultationRequest.objects.filter(
                public_id=public_id_from(data.get("r")), links_stopped_at__isnull=True
            ).first()
            if consultation is None:
                return link_not_valid(request)
            if consultation.status == ConsultationRequest.Status.SPAM:
                return self.shown_only(request, now)
            if data.get("call_me"):
                history.asked_for_a_call(consultation)
                return redirect("consultations:thanks")
            # Back to the picker after choosing (the browser's back button): a change of time.
            booking = Booking.objects.active().filter(request=consultation).first()
            if booking is not None and _begun(booking, now):
                return link_not_valid(request)  # its time is over: the link is too
        start, problem = self.chosen(now)
        if problem:
            return self.again(request, now, booking, problem)
        try:
            with transaction.atomic():
                booking = self.take_or_move(consultation, booking, start)
        except (taking.TimeTaken, taking.NotHeld):
            problem = _(
                "Sorry, someone has just taken %(time)s. Your request is safe: please choose "
                "another of these free times."
            ) % {"time": dates.visit_time(start)}
            return self.again(request, now, booking, problem)
        except taking.NumberHasTime:
            # Said to whoever holds the link: nothing about the other request's time.
            problem = _(
                "This phone number already has a consultation time with us, so we can’t hold "
                "another one. Please call or WhatsApp the front desk: they will gladly help."
            )
            return self.again(request, now, booking, problem)
        except taking.TimeOver:
            return link_not_valid(request)
        return redirect(links.visit_path(booking, request_language(request)))

    def chosen(self, now):
        """(the time sent, None) when the clinic offers it, else (None, what went wrong)."""
        start = parse_time(self.request.POST.get("time"))
        if start is None:
            return None, _("Please choose a time.")
        if not slots.is_offered(start, now):
            return None, _(
                "That time can’t be booked: it is past, too soon, or outside our hours. "
                "Please choose one of these times."
            )
        return start, None

    def shown_only(self, request, now, shown=None):
        """A request the form marked as spam: the same pages as a patient gets, but its "held
        time" is a link naming the time (links.decoy_path), and nothing is taken or recorded, so
        a bot learns nothing from it (docs/staff-guide.md: "Spam gets the pages")."""
        if request.POST.get("call_me"):
            return redirect("consultations:thanks")
        start, problem = self.chosen(now)
        if problem:
            return self.again(request, now, shown, problem)
        return redirect(links.decoy_path(start, request_language(request)))

    @staticmethod
    def take_or_move(consultation, booking, start):
        if booking is not None and booking.is_active:
            before, was = booking.starts_at, booking.status
            held = "confirmed" if slots.rules().settings.confirmation == "instant" else "held"
            moved = taking.move(booking, start, status=held)
            history.moved_by_patient(moved, before, was)
            return moved
        made = taking.take(consultation, start)
        history.chosen(made)
        return made

    def again(self, request, now, booking, problem):
        """The picker again, with what went wrong above the times that are free now."""
        data = request.POST
        visit = data.get("v", "") if booking is not None else ""
        active = booking is not None and booking.is_active
        form = times_form(
            request,
            reference="" if visit else data.get("r", ""),
            visit=visit,
            now=now,
            first_day=parse_day(data.get("from")),  # the days the patient was reading
            problem=problem,
            leave_out=booking.pk if active else None,
            current=booking.starts_at if active else None,
        )
        return render(request, PICK_TEMPLATE, {"times_form": form}, status=409)


def _begun(booking, now):
    """Only a future time can be changed: one begun or past (attended too) keeps its link dead."""
    return booking.is_active and booking.starts_at <= now


def request_language(request):
    """The language the patient is reading this page in (for the links it sends them to)."""
    return getattr(request, "LANGUAGE_CODE", None)
