"""nginx's own page when no gunicorn answers: try again, and the clinic's phone."""

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from datetime import time as clock_time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ground.clinic import clinic_details
from ground.models import WeeklyHours
from pages.management.commands import nginx_error_page
from tests.content_factories import make_contact_details
from tests.servers import free_port
from tests.system.test_behind_nginx import NGINX

pytestmark = pytest.mark.django_db

PHONE = "+971 4 123 4567"


def error_page(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE, "whatsapp": "+971 50 123 4567"}
    out = StringIO()
    call_command("nginx_error_page", stdout=out)
    return out.getvalue()


def test_the_page_shows_the_clinics_phone_and_whatsapp(settings):
    page = error_page(settings)

    assert 'href="tel:+97141234567"' in page
    assert PHONE in page
    assert 'href="https://wa.me/971501234567"' in page
    assert "{%" not in page and "{{" not in page


def test_the_page_needs_the_clinics_phone(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": ""}

    with pytest.raises(CommandError):
        call_command("nginx_error_page", stdout=StringIO())


@pytest.fixture
def nginx_without_upstream(tmp_path, settings):
    # nginx's workers run as "nobody": the page must be where they can read it.
    pages = Path(tempfile.mkdtemp())
    pages.chmod(0o755)
    (pages / "try-again.html").write_text(error_page(settings))
    port, dead = free_port(), free_port()
    temp_paths = "".join(
        f"{name}_temp_path {tmp_path}/{name}; "
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # The error_page lines of deploy/nginx/ecla-clinic.conf, with the page in tmp_path.
    (tmp_path / "nginx.conf").write_text(f"""
pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; daemon off;
events {{ worker_connections 16; }}
http {{ {temp_paths}
  server {{
    listen 127.0.0.1:{port};
    error_page 502 503 504 /try-again.html;
    location = /try-again.html {{ root {pages}; internal; }}
    location / {{ proxy_pass http://127.0.0.1:{dead}; }}
  }}
}}""")
    nginx = subprocess.Popen([NGINX, "-c", tmp_path / "nginx.conf", "-p", tmp_path, "-e", "stderr"])
    time.sleep(0.5)
    yield f"http://127.0.0.1:{port}"
    nginx.terminate()
    nginx.wait(timeout=10)
    shutil.rmtree(pages)


@pytest.mark.parametrize("data", [None, b"name=Layla&phone=0501234567"])
def test_a_patient_whose_request_reaches_no_server_gets_the_page(nginx_without_upstream, data):
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"{nginx_without_upstream}/consultation/", data=data, timeout=10)

    assert answer.value.code == 502
    assert 'href="tel:+97141234567"' in answer.value.read().decode()


def test_the_arabic_page_is_right_to_left_with_the_number_kept_left_to_right(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}
    out = StringIO()

    call_command("nginx_error_page", "--language", "ar", stdout=out)

    page = out.getvalue()
    assert '<html lang="ar" dir="rtl">' in page
    assert "يُرجى المحاولة مرة أخرى" in page
    assert f'<bdi dir="ltr">{PHONE}</bdi>' in page


def write_pages(folder):
    out = StringIO()
    call_command("nginx_error_page", "--output", folder, stdout=out)
    return out.getvalue().splitlines()


def seen(path):
    """What tells a rewritten file from one left alone: its inode and its time."""
    found = path.stat()
    return found.st_ino, found.st_mtime_ns


@pytest.fixture
def database_unread(monkeypatch):
    """clinic_details() as it answers while the database can't be read: the settings' details."""
    monkeypatch.setattr(
        nginx_error_page, "clinic_details", lambda: {**clinic_details(), "from": "unread"}
    )


def test_output_writes_each_languages_page_for_nginx_to_read(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}

    said = write_pages(tmp_path)

    english, arabic = tmp_path / "try-again.html", tmp_path / "try-again.ar.html"
    assert said == [f"wrote {english}", f"wrote {arabic}"]
    assert sorted(tmp_path.iterdir()) == [arabic, english]  # no temporary file left behind
    assert '<html lang="en" dir="ltr">' in english.read_text()
    assert '<html lang="ar" dir="rtl">' in arabic.read_text()
    assert f'<bdi dir="ltr">{PHONE}</bdi>' in arabic.read_text()
    assert english.stat().st_mode & 0o777 == arabic.stat().st_mode & 0o777 == 0o644


def test_a_changed_phone_replaces_each_page_by_a_new_file(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}
    write_pages(tmp_path)
    before = tmp_path / "try-again.html"
    reading = before.open()  # nginx, sending the old page as it is replaced
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 765 4321"}

    said = write_pages(tmp_path)

    assert said == [f"wrote {tmp_path / name}" for name in ("try-again.html", "try-again.ar.html")]
    assert 'href="tel:+97147654321"' in before.read_text()
    assert 'href="tel:+97147654321"' in (tmp_path / "try-again.ar.html").read_text()
    assert 'href="tel:+97141234567"' in reading.read()  # the old page, whole
    reading.close()


def test_a_second_run_with_nothing_changed_rewrites_nothing(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}
    write_pages(tmp_path)
    pages = [tmp_path / "try-again.html", tmp_path / "try-again.ar.html"]
    before = [seen(page) for page in pages]

    said = write_pages(tmp_path)

    assert said == [f"kept {page}: unchanged" for page in pages]
    assert [seen(page) for page in pages] == before


def test_while_the_database_cant_be_read_the_pages_there_are_kept(
    settings, tmp_path, database_unread
):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}
    write_pages(tmp_path)
    pages = [tmp_path / "try-again.html", tmp_path / "try-again.ar.html"]
    before = [(seen(page), page.read_text()) for page in pages]
    # The settings' number, not the one the clinic published (which can't be read).
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 765 4321"}

    said = write_pages(tmp_path)

    assert said == [f"kept {page}: the database can't be read" for page in pages]
    assert [(seen(page), page.read_text()) for page in pages] == before


def test_while_the_database_cant_be_read_a_missing_page_is_made_from_the_settings(
    settings, tmp_path, database_unread
):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}

    said = write_pages(tmp_path)

    assert said == [f"wrote {tmp_path / name}" for name in ("try-again.html", "try-again.ar.html")]
    assert 'href="tel:+97141234567"' in (tmp_path / "try-again.ar.html").read_text()


def test_output_needs_the_clinics_phone_and_writes_nothing_without_it(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": ""}

    with pytest.raises(CommandError):
        write_pages(tmp_path)

    assert list(tmp_path.iterdir()) == []


def test_output_into_a_folder_that_isnt_there_says_so(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}

    with pytest.raises(CommandError, match="is not a folder"):
        write_pages(tmp_path / "missing")


def test_the_pages_follow_the_contact_details_the_clinic_published(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}
    write_pages(tmp_path)
    make_contact_details(phone="+971 4 555 0101", address_ar="فيلا 7، شارع الصفا")

    said = write_pages(tmp_path)

    assert said == [f"wrote {tmp_path / name}" for name in ("try-again.html", "try-again.ar.html")]
    assert 'href="tel:+97145550101"' in (tmp_path / "try-again.html").read_text()
    assert "فيلا 7، شارع الصفا" in (tmp_path / "try-again.ar.html").read_text()


def test_the_pages_follow_the_weekly_hours_the_clinic_keeps(settings, tmp_path):
    settings.CLINIC = {**settings.CLINIC, "phone": PHONE}
    write_pages(tmp_path)
    saturday = WeeklyHours.objects.get(weekday=5)
    saturday.opens = clock_time(11)
    saturday.save()

    said = write_pages(tmp_path)

    assert said == [f"wrote {tmp_path / name}" for name in ("try-again.html", "try-again.ar.html")]
    english = (tmp_path / "try-again.html").read_text()
    arabic = (tmp_path / "try-again.ar.html").read_text()
    assert "Monday – Friday: 10:00 – 22:00; Saturday: 11:00 – 22:00" in english
    assert "من الاثنين إلى الجمعة، من 10:00 إلى 22:00؛ السبت، من 11:00 إلى 22:00" in arabic
