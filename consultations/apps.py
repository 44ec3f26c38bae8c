from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using, **kwargs):
    """The rate limits and the double-click guard live in the cache: with the database cache,
    `migrate` alone must leave its table in place (the README's steps list no other command)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from backups.restore import restored
        from consultations.after_restore import erase_again_and_purge
        from consultations.checks import shared_cache_is_usable

        post_migrate.connect(create_cache_tables, sender=self)
        restored.connect(erase_again_and_purge)
        checks.register(shared_cache_is_usable, checks.Tags.caches, deploy=True)
