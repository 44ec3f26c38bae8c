"""Visitors of tests/system/test_visits_fifty_visitors.py: each a browser of its own (address, user
agent) behind the trusted proxy, and the figures the report must then show."""

import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict

from tests.patient_client import _NoRedirect

CAMPAIGN_LINK = "/exosome-therapy/?utm_source=instagram&utm_medium=story&utm_campaign=spring"
ARABIC_CAMPAIGN_LINK = "/ar/faq/?utm_source=google&utm_medium=cpc&utm_campaign=ramadan"
SPRING = ("instagram", "story", "spring")
RAMADAN = ("google", "cpc", "ramadan")
NO_CAMPAIGN = ("", "", "")
BOTS = [
    "WhatsApp/2.24.6.77 A",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "TelegramBot (like TwitterBot)",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "curl/8.5.0",
]


def address(n):
    return f"203.0.113.{100 + n}"


def agent(n):
    return (
        f"Mozilla/5.0 (Linux; Android 14; Pixel {n}) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/131.0.{6700 + n}.0 Mobile Safari/537.36 EclaVisitor{n:02d}"
    )


class Visitor:
    """One browser: its own address (X-Forwarded-For, as the proxy writes it), agent, cookies."""

    def __init__(self, base_url, n, user_agent, expected, **headers):
        self.base_url, self.n, self.expected = base_url, n, expected
        self.headers = {"X-Forwarded-For": address(n), "User-Agent": user_agent, **headers}
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(), _NoRedirect()
        )
        self.landing = None

    def open(self, url, data=None, **headers):
        request = urllib.request.Request(
            self.base_url + url,
            data=urllib.parse.urlencode(data).encode() if data else None,
            headers={**self.headers, **headers},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, "", error.headers

    def view(self, url, **headers):
        """A page a person looks at: what the report must count for it."""
        status, html, _headers = self.open(url, **headers)
        assert status == 200, (url, status)
        path, query = urllib.parse.urlsplit(url).path, urllib.parse.urlsplit(url).query
        if self.landing is None:
            campaign = urllib.parse.parse_qs(query)
            language = "ar" if path.startswith("/ar/") else "en"
            names = ("utm_source", "utm_medium", "utm_campaign")
            self.landing = (language, path, tuple(campaign.get(n, [""])[0] for n in names))
            self.expected.visitors[self.landing] += 1
            referrer = headers.get("Referer")
            if referrer:
                self.expected.referrers[urllib.parse.urlsplit(referrer).hostname] += 1
        self.expected.views[self.landing] += 1
        self.expected.pages[path] += 1
        return html

    def send_form(self, language):
        prefix = "/ar" if language == "ar" else ""
        html = self.view(f"{prefix}/consultation/")
        hidden = {
            name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("csrfmiddlewaretoken", "rendered_at", "source_path")
        }
        answers = {
            **hidden, "name": f"Visitor {self.n}", "phone": phone(self.n), "whatsapp_same": "on",
            "consent": "on",
        }  # fmt: skip
        status, _html, headers = self.open(f"{prefix}/consultation/", answers)
        assert status == 302, status
        self.expected.step(self.landing, "requests")
        return headers["Location"]

    def choose_a_time(self, thanks, chosen):
        """The last time offered that nobody here chose yet: each server process keeps the free
        times two seconds, so a time another visitor just took may still be offered (the same
        place in the list may not be the same time), and the earliest may pass while this
        runs."""
        html = self.view(thanks)
        link = re.search(r'href="([^"]*/consultation/time/\?r=[^"]+)"', html).group(1)
        picker = self.view(link.replace("&amp;", "&"))
        fields = {
            name: re.search(rf'name="{name}" value="([^"]*)"', picker).group(1)
            for name in ("csrfmiddlewaretoken", "r")
        }
        times = re.findall(r'name="time" value="([^"]*)"', picker)
        start = next(start for start in reversed(times) if start not in chosen)
        chosen.add(start)
        path = urllib.parse.urlsplit(link).path
        status, _html, _headers = self.open(path, {**fields, "time": start})
        assert status == 302, status
        self.expected.step(self.landing, "chosen")


def phone(n):
    return f"+9715010{n:05d}"


class Expected:
    def __init__(self):
        self.visitors, self.views, self.pages = Counter(), Counter(), Counter()
        self.referrers = Counter()
        self.steps = defaultdict(Counter)

    def step(self, landing, name):
        self.steps[landing][name] += 1

    def funnel(self, group):
        """{language: {key: [visitors, views, requests, chosen, confirmed, attended]}}"""
        table = defaultdict(lambda: defaultdict(lambda: [0] * 6))
        for landing in self.visitors:
            language, path, campaign = landing
            key = (path,) if group == "landing" else campaign
            row = table[language][key]
            row[0] += self.visitors[landing]
            row[1] += self.views[landing]
            for index, name in enumerate(("requests", "chosen", "confirmed", "attended"), 2):
                row[index] += self.steps[landing][name]
        return {language: dict(rows) for language, rows in table.items()}
