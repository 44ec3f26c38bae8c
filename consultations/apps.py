from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from backups.restore import restored
        from consultations import drain, held
        from consultations.after_restore import erase_again_and_purge
        from consultations.checks import shared_cache_is_usable
        from ground.views import add_health_check

        add_health_check(held.health)
        add_health_check(drain.ledger_health)
        restored.connect(erase_again_and_purge)
        checks.register(shared_cache_is_usable, checks.Tags.caches, deploy=True)
