"""A patient's browser against the cluster bench/cluster.sh starts (and any site on a port):
cookies, the form's token, and a client address of its own; counting what the cluster stored.
Shared by cluster_client.py, submissions.py and restore_drill.py."""

import http.client
import http.cookies
import os
import re
import sys
import time
import urllib.parse
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results" / "cluster.jsonl"
SITE_HOST = "www.example.ae"
PHONE_LINK = 'href="tel:+97141234567"'  # CLINIC_PHONE in bench/cluster-parts.sh
PATIENTS = 200


class Browser:
    """A browser that keeps its cookies, talks to one port and connects from one address."""

    def __init__(self, port, source="127.0.0.1", forwarded_for=None):
        self.port, self.source, self.forwarded_for = port, source, forwarded_for
        self.cookies = {}

    def request(self, method, path, data=None):
        """(status, body, Location); status 0 when no answer came."""
        headers = {"Host": SITE_HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=60, source_address=(self.source, 0)
        )
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        except OSError:
            return 0, "", None
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, text, response.headers.get("Location")

    def form(self, path):
        status, html, _ = self.request("GET", path)
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|rendered_at)" value="([^"]*)"', html))
        return fields if status == 200 and len(fields) == 2 else None

    def form_fields(self, path):
        """The CSRF token of the form a page (after its redirects) shows, and that page's path."""
        status, html, location = self.request("GET", path)
        while status == 302:
            path = location
            status, html, location = self.request("GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)[1]
        return {"csrfmiddlewaretoken": token}, path

    def twin(self, port):
        """The same browser (same cookies) talking to another port: a double click."""
        twin = Browser(port, self.source, self.forwarded_for)
        twin.cookies = dict(self.cookies)
        return twin

    def submit(self, form, name, phone, consent=True):
        data = {**form, "name": name, "phone": phone, "whatsapp_same": "on"}
        if consent:
            data["consent"] = "on"
        return self.request("POST", "/consultation/", data)


def django_orm():
    sys.path.insert(0, str(PROJECT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
    import django

    django.setup()


def patient_phone(digit, n):
    return f"+97150{digit}0{n:05d}"


def stored_per_phone(phones, wait=30):
    """{phone: rows}; retried while the database is still coming back."""
    from django.db import connection
    from django.db.models import Count

    from consultations.models import ConsultationRequest

    deadline = time.monotonic() + wait
    while True:
        try:
            connection.close()
            rows = ConsultationRequest.objects.filter(phone__in=phones).values("phone")
            return {str(r["phone"]): r["n"] for r in rows.annotate(n=Count("id"))}
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def stored_when_drained(phones, expected, wait=180):
    """({phone: rows}, when the last of `expected` rows was seen), polling as held requests
    reach the database (each host drains its own once the database is back)."""
    deadline = time.monotonic() + wait
    while True:
        stored = stored_per_phone(phones, wait=wait)
        if sum(stored.values()) >= expected or time.monotonic() > deadline:
            return stored, time.time()
        time.sleep(0.2)
