"""The admin of every item the clinic edits: the draft's form with its buttons by role, the copy
rules' warnings, what approving would change, the previews, the History page and its revert.

Who does what is permissions (the groups: migrations/0003_groups.py): `change_<model>` saves a
draft and submits it (the Editor); `publish_<model>` also approves, publishes and reverts (the
Clinic manager). Each save, submission, approval and revert is on the access trail (audit/).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from audit.trail import Action, model_changes, record
from content import versions
from content.forms import APPROVE, SAVE, SUBMIT, DayInput, MomentInput, ReviewedForm, intent_of
from content.review import Status

# A version's step, as the History page names it (simple-history's change reason).
STEPS = {
    "imported": _("Moved from the site's code"),
    "added": _("Added"),
    "saved": _("Draft saved"),
    "submitted": _("Submitted for review"),
    "published": _("Approved and published"),
    "reverted": _("Reverted to an earlier version"),
}
WENT_LIVE = {"imported", "published", "reverted"}
TRAIL_ACTIONS = {SAVE: Action.CHANGED, SUBMIT: Action.SUBMITTED, APPROVE: Action.PUBLISHED}
DONE = {
    SUBMIT: _("Submitted for review: a Clinic manager approves it."),
    APPROVE: _("Published: every page shows it within a few seconds."),
}


def when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class ReviewedAdmin(SimpleHistoryAdmin):
    form = ReviewedForm
    change_form_template = "admin/content/change_form.html"
    object_history_list_template = "admin/content/history_list.html"
    readonly_fields = ("state", "copy_warnings", "waiting_changes", "previews")
    content_fieldsets = ()  # the draft's fields, English and Arabic side by side
    preview_kind = ""  # pages' preview: "faq", "notice", "passage", "article", "price", "contact"
    formfield_overrides = {
        models.DateTimeField: {"form_class": forms.DateTimeField, "widget": MomentInput},
        models.DateField: {"widget": DayInput},
        models.URLField: {"assume_scheme": "https"},  # Django 6's default: a map link is https
    }

    def may_publish(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.publish_{self.opts.model_name}")

    # The form

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [*self.content_fieldsets]
        checks = ("copy_warnings",)
        if self.may_publish(request):
            checks += ("stands_by_claims",)  # the approver's tick
        return [
            (None, {"fields": ("state", "previews")}),
            *self.content_fieldsets,
            (_("Copy rules"), {"fields": checks}),
            (_("Waiting for approval"), {"fields": ("waiting_changes",)}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attributes = {"intent": intent_of(request), "may_publish": self.may_publish(request)}
        return type(form.__name__, (form,), attributes)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            may_submit=self.has_change_permission(request, obj),
            may_approve=bool(obj and obj.status == Status.IN_REVIEW and self.may_publish(request)),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        before = type(obj).objects.get(pk=obj.pk) if change else type(obj)()
        edited = [name for name in form.changed_data if name.startswith("draft_")]
        if edited or not change:
            obj.draft_edited()
        step = "saved" if change else "added"
        if form.intent == SUBMIT:
            obj.submit(request.user)
            step = "submitted"
        elif form.intent == APPROVE:
            if not self.may_publish(request):
                raise PermissionDenied
            obj.publish(request.user, form.cleaned_data.get("stands_by_claims", False))
            step = "published"
        obj._change_reason = step
        super().save_model(request, obj, form, change)
        self.on_the_trail(request, TRAIL_ACTIONS[form.intent], before, obj, step=step)
        flags = obj.flags_to_decide()
        if flags and form.intent != APPROVE:
            flagged = ngettext(
                "The copy rules flagged a claim: see “Copy rules” below.",
                "The copy rules flagged %(count)d claims: see “Copy rules” below.",
                len(flags),
            )
            self.message_user(request, flagged % {"count": len(flags)}, messages.WARNING)

    def on_the_trail(self, request, action, before, obj, **detail):
        fields = [field.name for field in obj._meta.concrete_fields if not field.primary_key]
        record(request, action, obj, changes=model_changes(before, obj, fields), **detail)

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_step(request, obj) or super().response_add(request, obj)

    def response_change(self, request, obj):
        return self._after_step(request, obj) or super().response_change(request, obj)

    def _after_step(self, request, obj):
        intent = intent_of(request)
        if intent == SAVE:
            return None
        self.message_user(request, DONE[intent], messages.SUCCESS)
        return HttpResponseRedirect(self.change_url(obj))

    def change_url(self, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])

    # The list's columns, and what the form shows beside the fields

    @admin.display(description=_("live"), boolean=True)
    def is_live(self, obj):
        return obj.is_live

    @admin.display(description=_("claims to decide"))
    def warnings(self, obj):
        return len(obj.flags_to_decide()) or "–"

    @admin.display(description=_("status"))
    def state(self, obj):
        lines = [format_html("<strong>{}</strong>", obj.get_status_display())]
        if obj.status == Status.IN_REVIEW and obj.submitted_at:
            lines.append(
                format_html(
                    "{} {} ({})", _("Submitted on"), when(obj.submitted_at), obj.submitted_by or "–"
                )
            )
        if obj.is_live:
            lines.append(
                format_html(
                    "{} {} ({})", _("Live since"), when(obj.published_at), obj.published_by or "–"
                )
            )
        else:
            lines.append(_("Not on the site yet."))
        return format_html("<br>".join(["{}"] * len(lines)), *lines)

    @admin.display(description=_("warnings"))
    def copy_warnings(self, obj):
        flags = [(flag, obj.stood_by(flag)) for flag in obj.flags()]
        return render_to_string("admin/content/copy_warnings.html", {"flags": flags, "item": obj})

    @admin.display(description=_("changes to approve"))
    def waiting_changes(self, obj):
        changes = versions.waiting(obj)
        if not changes:
            return _("None: the draft is the live text.")
        return render_to_string("admin/content/changes.html", {"changes": changes})

    @admin.display(description=_("preview"))
    def previews(self, obj):
        links = []
        for code, label in (("en", _("Preview in English")), ("ar", _("Preview in Arabic"))):
            with translation.override(code):
                url = reverse("pages:preview", args=[self.preview_kind, obj.pk])
            links.append(format_html('<a href="{}">{}</a>', url, label))
        return format_html("{} · {}", *links)

    # History and revert

    def get_urls(self):
        # Not simple-history's page of an old version, whose "Revert" saves its form again: a
        # revert here is one step, for those who may publish, and puts the published words live.
        name = f"{self.opts.app_label}_{self.opts.model_name}_revert"
        revert = self.admin_site.admin_view(self.revert_view)
        urls = admin.ModelAdmin.get_urls(self)
        return [path("<path:object_id>/revert/<int:version_id>/", revert, name=name), *urls]

    def history_view(self, request, object_id, extra_context=None):
        extra = {"may_publish": self.may_publish(request), **(extra_context or {})}
        return super().history_view(request, object_id, extra)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        current = self.model.objects.filter(pk=records[0].id).first() if records else None
        live_now = current.values(draft=False) if current else None
        for index, record_ in enumerate(records):
            older = records[index + 1] if index + 1 < len(records) else record_.prev_record
            record_.shown_changes = versions.between_versions(older, record_)
            reason = record_.history_change_reason
            record_.step = STEPS.get(reason, record_.get_history_type_display())
            record_.revertible = (
                reason in WENT_LIVE
                and current is not None
                and {name: getattr(record_, name) for name in live_now} != live_now
            )

    def revert_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.may_publish(request):
            raise PermissionDenied
        version = get_object_or_404(
            obj.history.filter(published_at__isnull=False), history_id=version_id
        )
        before = type(obj).objects.get(pk=obj.pk)
        obj.revert_to(version, request.user)
        obj._history_user, obj._change_reason = request.user, "reverted"
        obj.save()
        self.on_the_trail(request, Action.REVERTED, before, obj, version=version_id)
        self.message_user(
            request,
            _("The version published on %(date)s is live again.")
            % {"date": when(version.history_date)},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.change_url(obj))
