"""The clinic's booking settings, weekly hours and dated hours (superusers and the Clinic manager
group; the hours are ground's models, their admin is here), and the front desk's day and week
views of consultation times (admin_views.py)."""

from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from booking import admin_views, day_hours, desk_actions, desk_lists, feed
from booking.models import Booking, CalendarFeed, ClinicSettings
from ground.isolates import number_ltr
from ground.models import DatedHours, DayHours, WeeklyHours


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(admin.ModelAdmin):
    """One row of settings: the list opens it."""

    fieldsets = (
        (None, {"fields": ("slot_minutes", "buffer_minutes", "minimum_notice_hours",
                           "days_ahead", "capacity", "confirmation", "hold_opening_days")}),
        (None, {"fields": ("feed_shows_patients",)}),
    )  # fmt: skip

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        ClinicSettings.load()
        return redirect("admin:booking_clinicsettings_change", 1)


class WeeklyHoursForm(forms.ModelForm):
    class Meta:
        model = WeeklyHours
        fields = ("weekday", "opens", "closes")
        widgets = {
            # "10:00", not "10:00:00", typed and read left to right on an Arabic admin too.
            "opens": forms.TimeInput(format="%H:%M", attrs={"dir": "ltr"}),
            "closes": forms.TimeInput(format="%H:%M", attrs={"dir": "ltr"}),
        }


# ground's weekly hours, edited here for the same reason as the dated hours below: a change that
# leaves held or confirmed times outside the hours warns of them, and those are booking's.
@admin.register(WeeklyHours)
class WeeklyHoursAdmin(admin.ModelAdmin):
    form = WeeklyHoursForm
    list_display = ("weekday", "opens_at", "closes_at")

    @admin.display(description=_("opens"), ordering="opens")
    def opens_at(self, obj):
        return number_ltr(f"{obj.opens:%H:%M}")  # not Django's "10 a.m.", and left to right

    @admin.display(description=_("closes"), ordering="closes")
    def closes_at(self, obj):
        return number_ltr(f"{obj.closes:%H:%M}")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        day_hours.warn_outside_weekly(request)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        day_hours.warn_outside_weekly(request)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        day_hours.warn_outside_weekly(request)


class DayHoursForm(forms.ModelForm):
    class Meta:
        model = DayHours
        fields = ("weekday", "opens", "closes")
        widgets = {
            "opens": forms.TimeInput(format="%H:%M"),  # "10:00", not "10:00:00"
            "closes": forms.TimeInput(format="%H:%M"),
        }


class DayHoursInline(admin.StackedInline):
    # Stacked, not tabular: a tabular inline's fields have no labels of their own (axe: label).
    model = DayHours
    form = DayHoursForm

    def get_extra(self, request, obj=None, **kwargs):
        # A new plan: a line per weekday (untouched lines are not saved). A saved one: one more
        # line to add a span with (no "Add another" without JavaScript); none for a closed day.
        if obj is None:
            return 7
        return 0 if obj.closed else 1


# ground's dated hours, edited here: saving or deleting a plan warns of the held or confirmed
# times it leaves outside the hours (day_hours.warn_outside), and those are booking's. From
# ground, the floor below, that warning would need a hook; from here it is a call.
@admin.register(DatedHours)
class DatedHoursAdmin(admin.ModelAdmin):
    list_display = ("name", "starts_on", "ends_on", "closed")
    inlines = (DayHoursInline,)
    fields = ("name", ("starts_on", "ends_on"), "closed")

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if obj is None or obj.pk is None:  # a new plan's lines are Monday to Sunday
            kwargs["initial"] = [{"weekday": weekday} for weekday, _label in DayHours.WEEKDAYS]
        return kwargs

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        day_hours.warn_outside(request, form.instance)

    def delete_model(self, request, obj):
        # Without Ramadan's late evenings, times booked in them fall outside the weekly hours.
        super().delete_model(request, obj)
        day_hours.warn_outside(request, obj)

    def delete_queryset(self, request, queryset):
        plans = list(queryset)
        super().delete_queryset(request, queryset)
        for plan in plans:
            day_hours.warn_outside(request, plan)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Superusers see who has a feed and can turn one off (delete it)."""

    list_display = ("user", "created_at", "last_read_at")
    readonly_fields = ("user", "created_at", "last_read_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """No list or form of its own: the day and week views are where times are worked on."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:booking_day")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:booking_day")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("day/", view(admin_views.day_view), name="booking_day"),
            path("week/", view(admin_views.week_view), name="booking_week"),
            path("reminders/", view(admin_views.reminders_view), name="booking_reminders"),
            path("to-confirm/", view(desk_lists.to_confirm_view), name="booking_to_confirm"),
            path("<int:pk>/act/", view(desk_actions.act_view), name="booking_act"),
            path("<int:pk>/tell/<str:news>/", view(desk_lists.tell_view), name="booking_tell"),
            path("<int:pk>/move/", view(admin_views.move_view), name="booking_move"),
            path("<int:pk>/remind/", view(admin_views.remind_view), name="booking_remind"),
            path("my-calendar/", view(feed.my_feed_view), name="booking_my_feed"),
            *super().get_urls(),
        ]
