from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "booking"
    verbose_name = _("Consultation times")

    def ready(self):
        from backups.restore import restored
        from booking import feed, picker_page, signals
        from consultations import next_steps
        from staff_access.access_ended import access_ended

        next_steps.add_next_step(picker_page.choose_a_time_step)
        picker_page.register_slots()
        signals.connect()
        access_ended.connect(feed.end_feed, dispatch_uid="booking-feed-access-ended")
        restored.connect(feed.end_every_feed, dispatch_uid="booking-feed-restored")
