"""Counting page views without a cookie: who counts, who is left out, what a view adds up to."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from consultations.models import ConsultationRequest
from ground.hours import clinic_today
from tests.factories import form_data, make_front_desk_user
from visits import salt, tally, visitor
from visits.models import LandingDay, LeftOutDay, PageDay, ReferrerDay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_counts")]

BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
INSTAGRAM_IN_APP = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 Instagram 300.0.0.0 (iPhone14,2; iOS 16_0; en_US)"
)


@pytest.fixture
def fresh_counts():
    tally.take()
    salt.forget()
    visitor.forget()
    yield
    tally.take()


def browser(address="198.51.100.7", agent=BROWSER, **headers):
    return Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address, **headers)


def landing_rows():
    return list(
        LandingDay.objects.values_list(
            "landing_path", "language", "utm_source", "utm_campaign", "visitors", "views"
        ).order_by("landing_path")
    )


def left_out():
    return dict(LeftOutDay.objects.values_list("reason", "views"))


def test_a_visit_is_one_visitor_and_each_page_a_view_of_its_landing_row():
    visiting = browser()

    visiting.get("/exosome-therapy/?utm_source=instagram&utm_campaign=spring")
    visiting.get("/faq/")
    visiting.get("/consultation/")
    tally.flush()

    assert landing_rows() == [("/exosome-therapy/", "en", "instagram", "spring", 1, 3)]
    assert dict(PageDay.objects.values_list("path", "views")) == {
        "/exosome-therapy/": 1,
        "/faq/": 1,
        "/consultation/": 1,
    }
    assert LandingDay.objects.get().day == clinic_today()


def test_two_browsers_are_two_visitors_and_arabic_pages_are_counted_apart():
    browser("198.51.100.7").get("/faq/")
    browser("198.51.100.8").get("/faq/")
    browser("198.51.100.9").get("/ar/faq/")
    tally.flush()

    assert landing_rows() == [("/ar/faq/", "ar", "", "", 1, 1), ("/faq/", "en", "", "", 2, 2)]


def test_only_the_referring_sites_host_is_counted_and_never_our_own():
    browser("198.51.100.7", HTTP_REFERER="https://www.google.com/search?q=hair+loss").get("/")
    browser("198.51.100.8", HTTP_REFERER="http://testserver/faq/").get("/")
    tally.flush()

    assert list(ReferrerDay.objects.values_list("host", "visits")) == [("www.google.com", 1)]


@pytest.mark.parametrize(
    "agent",
    [
        "WhatsApp/2.23.20.0 A",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "curl/8.5.0",
        "",
    ],
)
def test_bots_link_previews_and_monitors_are_left_out(agent):
    browser(agent=agent).get("/faq/")
    tally.flush()

    assert landing_rows() == []
    assert left_out() == {"bot": 1}


def test_a_person_in_instagrams_own_browser_is_a_visitor_not_a_preview():
    browser(agent=INSTAGRAM_IN_APP).get("/faq/?utm_source=instagram")
    tally.flush()

    assert landing_rows() == [("/faq/", "en", "instagram", "", 1, 1)]


@pytest.mark.parametrize("header", [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_PURPOSE": "prefetch"}])
def test_a_prefetch_is_left_out(header):
    browser(**header).get("/faq/")
    tally.flush()

    assert landing_rows() == []
    assert left_out() == {"prefetch": 1}


def test_signed_in_staff_are_left_out(client):
    client.force_login(make_front_desk_user())

    client.get("/faq/", HTTP_USER_AGENT=BROWSER)
    tally.flush()

    assert landing_rows() == []
    assert left_out() == {"staff": 1}


def test_a_visitor_without_a_session_cookie_costs_no_session_or_user_query():
    visiting = browser()
    visiting.get("/faq/")

    with CaptureQueriesContext(connection) as queries:
        visiting.get("/faq/")

    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "django_session" not in read
    assert "auth_user" not in read


@pytest.mark.parametrize(
    ("method", "path"),
    [("head", "/faq/"), ("get", "/robots.txt"), ("get", "/sitemap.xml"), ("get", "/healthz")],
)
def test_heads_and_what_is_not_an_html_page_are_not_counted(method, path):
    getattr(browser(), method)(path)
    tally.flush()

    assert (landing_rows(), left_out(), PageDay.objects.count()) == ([], {}, 0)


def test_a_missing_page_is_not_counted():
    browser().get("/no-such-page/")
    tally.flush()

    assert PageDay.objects.count() == 0


def test_a_visit_links_secret_is_not_kept_as_a_page():
    browser().get("/consultation/time/visit/secret-token-value/")
    browser().get("/faq/")
    tally.flush()

    assert "secret-token-value" not in str(list(PageDay.objects.values_list("path")))


def test_counts_add_up_across_flushes_and_processes():
    row = (clinic_today(), "/faq/", "en")
    tally.add(PageDay, row, 2)
    tally.flush()
    # Another process's counts for the same row, added while the row already exists.
    tally.add_to_row(PageDay, {"day": row[0], "path": "/faq/", "language": "en"}, {"views": 3})
    tally.add(PageDay, row, 1)
    tally.flush()

    assert PageDay.objects.get().views == 6


def test_counts_wait_in_the_process_while_the_database_is_away(monkeypatch):
    browser().get("/faq/")
    monkeypatch.setattr(tally, "add_to_row", lambda *args: (_ for _ in ()).throw(OSError("down")))

    with pytest.raises(OSError):
        tally.flush()
    monkeypatch.undo()
    tally.flush()

    assert PageDay.objects.get().views == 1


def test_a_request_is_credited_to_its_visits_landing_page_and_campaign():
    visiting = browser()
    visiting.get("/ar/exosome-therapy/?utm_source=instagram&utm_medium=story&utm_campaign=spring")
    visiting.get("/consultation/")

    visiting.post("/consultation/", form_data(source_path="/consultation/"))

    stored = ConsultationRequest.objects.get()
    assert (
        stored.landing_path,
        stored.source_path,
        stored.utm_source,
        stored.utm_medium,
        stored.utm_campaign,
    ) == ("/ar/exosome-therapy/", "/consultation/", "instagram", "story", "spring")


def test_a_request_with_no_counted_visit_has_no_landing_page_and_no_campaign():
    browser().post("/consultation/", form_data())

    stored = ConsultationRequest.objects.get()
    assert (stored.landing_path, stored.utm_source) == ("", "")


def test_no_cookie_is_set_for_a_campaign_and_an_old_cookie_is_ignored():
    visiting = browser()
    visiting.cookies["ecla_campaign"] = '{"utm_source": "forged"}'

    response = visiting.get("/faq/?utm_source=google")
    visiting.post("/consultation/", form_data())

    assert "ecla_campaign" not in response.cookies
    assert ConsultationRequest.objects.get().utm_source == "google"


def test_the_cache_holds_the_visit_under_its_key_without_the_address_or_agent():
    browser("198.51.100.77").get("/faq/?utm_source=google")

    day = clinic_today()
    stored = cache.get(salt.cache_key(day))
    assert stored and len(stored) == 64
    if hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
        keys = cache._cache.get_client().keys("*")
        held = b" ".join(keys + [cache._cache.get_client().get(key) or b"" for key in keys])
        assert b"198.51.100.77" not in held
        assert b"iPhone" not in held
