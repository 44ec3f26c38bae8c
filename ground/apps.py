from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using, **kwargs):
    """The limits and the double-click guard live in the cache: with the database cache,
    `migrate` alone must leave its table in place (docs/operations.md's steps list no other
    command)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class GroundConfig(AppConfig):
    """What every feature of the site shares: the clinic's details and hours (the dated hours
    too), the client's address, counting and limits, the page cache, JSON logs, languages and
    redirects."""

    name = "ground"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ground import dated_hours, hours
        from ground.checks import clinic_phone_is_set
        from ground.models import DatedHours, DayHours, WeeklyHours

        post_migrate.connect(create_cache_tables, sender=self)
        # A change to the weekly or the dated hours is read again at once in this process (the
        # others within dated_hours.KEPT_SECONDS).
        for model, forget in (
            (WeeklyHours, hours.weekly.forget),
            (DatedHours, dated_hours.forget),
            (DayHours, dated_hours.forget),
        ):
            for signal in (post_save, post_delete):
                uid = f"ground-forget-hours-{model.__name__}"
                signal.connect(forget, sender=model, dispatch_uid=uid)
        checks.register(clinic_phone_is_set, deploy=True)
