from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from backups.restore import restored
        from consultations.after_restore import erase_again_and_purge
        from consultations.checks import shared_cache_is_usable
        from consultations.kept_form import register_slots

        register_slots()
        restored.connect(erase_again_and_purge)
        checks.register(shared_cache_is_usable, checks.Tags.caches, deploy=True)
