from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    name = "backups"
    verbose_name = _("Backups")

    def ready(self):
        from backups.checks import backup_target_is_usable, keys_of_their_own

        checks.register(keys_of_their_own, deploy=True)
        checks.register(backup_target_is_usable, deploy=True)
