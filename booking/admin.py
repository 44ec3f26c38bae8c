"""The clinic's booking settings and dated hours (superusers and the Clinic manager group), and
the front desk's day and week views of consultation times (admin_views.py)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path

from booking import admin_views, feed
from booking.models import Booking, CalendarFeed, ClinicSettings, DatedHours, DayHours


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


class DayHoursInline(admin.StackedInline):
    # Stacked, not tabular: a tabular inline's fields have no labels of their own (axe: label).
    model = DayHours
    extra = 7


@admin.register(DatedHours)
class DatedHoursAdmin(admin.ModelAdmin):
    list_display = ("name", "starts_on", "ends_on", "closed")
    inlines = (DayHoursInline,)
    fields = ("name", ("starts_on", "ends_on"), "closed")


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
            path("<int:pk>/act/", view(admin_views.act_view), name="booking_act"),
            path("<int:pk>/move/", view(admin_views.move_view), name="booking_move"),
            path("<int:pk>/remind/", view(admin_views.remind_view), name="booking_remind"),
            path("my-calendar/", view(feed.my_feed_view), name="booking_my_feed"),
            *super().get_urls(),
        ]
