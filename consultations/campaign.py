"""Remembers the advertising campaign (utm_* parameters) a visit arrived with."""

import json

from django.conf import settings
from django.core import signing

from ground.text import has_hidden_characters

UTM_PARAMETERS = ("utm_source", "utm_medium", "utm_campaign")
COOKIE_NAME = "ecla_campaign"
COOKIE_SALT = "consultations.campaign"


def campaign_from_query(query):
    """The campaign parameters worth keeping: text with no hidden characters, cut to length."""
    campaign = {}
    for name in UTM_PARAMETERS:
        value = " ".join(str(query.get(name, "")).split())
        if value and not has_hidden_characters(value, allowed=""):
            campaign[name] = value[:100]
    return campaign


class CampaignMiddleware:
    """Keeps the campaign of the landing page for the rest of the visit, in a session cookie.

    A patient who lands on /exosome-therapy/?utm_source=... and books from /consultation/ is
    still credited to the campaign. The cookie is signed, so it only ever holds our own values.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        landing_campaign = campaign_from_query(request.GET)
        request.campaign = landing_campaign or self.campaign_from_cookie(request)
        response = self.get_response(request)
        if landing_campaign:
            response.set_signed_cookie(
                COOKIE_NAME,
                json.dumps(landing_campaign),
                salt=COOKIE_SALT,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def campaign_from_cookie(self, request):
        try:
            value = request.get_signed_cookie(COOKIE_NAME, salt=COOKIE_SALT)
            return campaign_from_query(json.loads(value))
        except (KeyError, signing.BadSignature, ValueError, TypeError, AttributeError):
            return {}
