"""A patient's browser in a few lines of urllib: it opens the form, then sends it."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class PatientBrowser:
    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def open_form(self):
        with self.opener.open(f"{self.base_url}/consultation/", timeout=30) as response:
            html = response.read().decode()
        return {
            name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("csrfmiddlewaretoken", "rendered_at", "source_path")
        }

    def send(self, hidden, **answers):
        """Returns (status, Location header)."""
        data = {**hidden, "whatsapp_same": "on", "consent": "on", **answers}
        request = urllib.request.Request(
            f"{self.base_url}/consultation/",
            data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": f"{self.base_url}/consultation/"},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")
