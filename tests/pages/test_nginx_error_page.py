"""nginx's own page when no gunicorn answers: try again, and the clinic's phone."""

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.servers import free_port
from tests.system.test_behind_nginx import NGINX

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
