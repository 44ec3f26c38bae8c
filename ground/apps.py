from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using, **kwargs):
    """The limits and the double-click guard live in the cache: with the database cache,
    `migrate` alone must leave its table in place (docs/operations.md's steps list no other
    command)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class GroundConfig(AppConfig):
    """What every feature of the site shares: the clinic's details and hours, the client's
    address, counting and limits, the page cache, JSON logs, languages and redirects."""

    name = "ground"
    verbose_name = _("Site")

    def ready(self):
        from ground.checks import clinic_phone_is_set

        post_migrate.connect(create_cache_tables, sender=self)
        checks.register(clinic_phone_is_set, deploy=True)
