"""A patient's browser as production sees it: behind a TLS proxy setting forwarded headers."""

import http.client
import re
import time
import urllib.parse

from django.core import signing

from consultations.forms import TIMESTAMP_SALT


class ProductionClient:
    def __init__(self, base_url, host, secret_key, client_address="203.0.113.9", scheme="https"):
        self.address = urllib.parse.urlsplit(base_url).netloc
        self.host = host
        self.origin = f"{scheme}://{host}"
        self.secret_key = secret_key
        self.proxy_headers = {
            "Host": host,
            "X-Forwarded-Proto": scheme,
            "X-Forwarded-For": client_address,
        }

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.address, timeout=60)
        try:
            connection.request(method, path, body, {**self.proxy_headers, **(headers or {})})
            response = connection.getresponse()
            return response, response.read().decode()
        finally:
            connection.close()

    def open_form(self):
        return self.open_form_at("/consultation/")

    def open_form_at(self, path):
        """The CSRF cookie and the form's token, as a browser gets them from this page."""
        response, html = self.request("GET", path)
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', html).group(1)
        return {"cookie": cookie, "csrfmiddlewaretoken": token}

    def rendered_a_minute_ago(self):
        signer = signing.TimestampSigner(key=self.secret_key, salt=TIMESTAMP_SALT)
        return signer.sign(str(time.time() - 60))

    def send_request(self, name, phone, form=None):
        """Opens the form (unless given one) and sends it filled in; returns the status code."""
        form = form or self.open_form()
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
                "rendered_at": self.rendered_a_minute_ago(),
                "source_path": "/consultation/",
                "name": name,
                "phone": phone,
                "whatsapp_same": "on",
                "consent": "on",
            }
        )
        response, _ = self.request(
            "POST",
            "/consultation/",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={form['cookie']}",
                "Origin": self.origin,
                "Referer": f"{self.origin}/consultation/",
            },
        )
        return response.status
