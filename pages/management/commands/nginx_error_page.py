"""Prints nginx's "please try again" page (templates/nginx/try-again.html) with the clinic's
details, in one language:

    python manage.py nginx_error_page --language en | sudo tee /etc/nginx/ecla/try-again.html
    python manage.py nginx_error_page --language ar | sudo tee /etc/nginx/ecla/try-again.ar.html

deploy/nginx/ecla-clinic.conf serves the Arabic one for pages under /ar/. Run it again whenever
CLINIC_PHONE or CLINIC_WHATSAPP change: nginx serves the files as they are.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from ground.clinic import clinic_details


class Command(BaseCommand):
    help = "Print nginx's 502/503/504 page with the clinic's phone, WhatsApp and address."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
        )

    def handle(self, *args, language, **options):
        with translation.override(language):
            details = clinic_details()
            if not details["phone_href"]:
                raise CommandError("Set CLINIC_PHONE: the page tells patients to call the clinic.")
            page = render_to_string("nginx/try-again.html", {"clinic": details})
        self.stdout.write(page, ending="")
