"""Prints nginx's "please try again" page (deploy/nginx/try-again.html) with the clinic's details.

    python manage.py nginx_error_page > /etc/nginx/ecla/try-again.html

Run it again whenever CLINIC_PHONE or CLINIC_WHATSAPP change: nginx serves the file as it is.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template import engines

from clinic_site.context_processors import clinic_details

PAGE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "try-again.html"


class Command(BaseCommand):
    help = "Print nginx's 502/503/504 page with the clinic's phone, WhatsApp and address."

    def handle(self, *args, **options):
        details = clinic_details()
        if not details["phone_href"]:
            raise CommandError("Set CLINIC_PHONE: the page tells patients to call the clinic.")
        page = engines["django"].from_string(PAGE.read_text())
        self.stdout.write(page.render({"clinic": details}), ending="")
