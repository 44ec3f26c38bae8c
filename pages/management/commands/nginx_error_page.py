"""nginx's "please try again" page (templates/nginx/try-again.html) with the clinic's details:

    python manage.py nginx_error_page --output /var/lib/ecla-clinic-nginx
    python manage.py nginx_error_page --language ar       # one page, printed

--output writes both languages' pages into the folder, try-again.html and try-again.ar.html
(deploy/nginx/ecla-clinic.conf serves the Arabic one for pages under /ar/), each only when its
text changed, and each whole at once (a file beside it, renamed over it): nginx never serves half
a page. ecla-nginx-error-page.timer runs it every two minutes on the host that runs nginx, so the
pages follow the contact details the clinic publishes in the admin (docs/operations.md, "nginx").
While the database can't be read a page already there is kept as it is: the settings' CLINIC_*
details, all there is then, may be older than those the clinic published.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from ground.clinic import clinic_details
from ground.files import replace_whole

# As the map in deploy/nginx/ecla-clinic.conf names them.
PAGES = {"en": "try-again.html", "ar": "try-again.ar.html"}


def render_page(details):
    if not details["phone_href"]:
        raise CommandError(
            "No phone: publish the contact details in the admin, or set CLINIC_PHONE. "
            "The page tells patients to call the clinic."
        )
    return render_to_string("nginx/try-again.html", {"clinic": details})


class Command(BaseCommand):
    help = "Print nginx's 502/503/504 page with the clinic's phone, WhatsApp and address."

    def add_arguments(self, parser):
        either = parser.add_mutually_exclusive_group()
        either.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
        )
        either.add_argument(
            "--output",
            type=Path,
            metavar="DIR",
            help="write both languages' pages into DIR, each only when its text changed",
        )

    def handle(self, *args, language, output, **options):
        if output is None:
            with translation.override(language):
                page = render_page(clinic_details())
            self.stdout.write(page, ending="")
            return
        if not output.is_dir():
            raise CommandError(f"{output} is not a folder (docs/operations.md, 'nginx').")
        for language, name in PAGES.items():
            self.stdout.write(self.refresh(output / name, language))

    def refresh(self, path, language):
        """The page at `path` brought up to date; says what was done."""
        with translation.override(language):
            details = clinic_details()
            if details["from"] == "unread" and path.exists():
                return f"kept {path}: the database can't be read"
            page = render_page(details)
        try:
            if path.read_bytes() == page.encode():
                return f"kept {path}: unchanged"
        except FileNotFoundError:
            pass
        replace_whole(path, page)
        return f"wrote {path}"
