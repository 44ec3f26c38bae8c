from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "booking"
    verbose_name = _("Consultation times")
    # Shown at the top of the admin's front page (staff_access/admin_site.py).
    admin_index_panel = "admin/booking/index_panel.html"

    def ready(self):
        from backups.restore import restored
        from booking import dates, feed, funnel, patient_copy, picker_page, signals, slots
        from consultations import export, next_steps, patient_data
        from frontdesk import notes, visits_report
        from ground import dated_hours
        from staff_access.access_ended import access_ended

        export.add_column(patient_copy.CSV_TITLE, patient_copy.csv_cells)
        patient_data.add_related("consultation_times", patient_copy.copy_rows)
        next_steps.add_next_step(picker_page.choose_a_time_step)
        picker_page.register_slots()
        signals.connect()
        access_ended.connect(feed.end_feed, dispatch_uid="booking-feed-access-ended")
        restored.connect(feed.end_every_feed, dispatch_uid="booking-feed-restored")
        notes.write_times_with(dates.visit_time)
        visits_report.add_step("chosen", _("Times chosen"), funnel.time_chosen())
        visits_report.add_step("confirmed", _("Confirmed"), funnel.time_confirmed())
        # The dated hours edited here are the whole site's: the footer, the structured data and
        # the front desk's clocks read them through ground's calendar.
        dated_hours.register_plans(slots.dated_plans)
