from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """What the clinic edits itself (the FAQ, the notice banner, the pages' passages, articles,
    prices, the contact details): drafted, reviewed and published by role, with every version
    kept; read by pages through live.py."""

    name = "content"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content import live
        from content.models import Article, ContactDetails, FaqEntry, Notice, Passage, Price

        # A change is read again at once in this process (the others within live.KEPT_SECONDS).
        for model in (FaqEntry, Notice, Passage, Article, Price, ContactDetails):
            for signal in (post_save, post_delete):
                uid = f"content-forget-{model.__name__}"
                signal.connect(live.forget, sender=model, dispatch_uid=uid)
