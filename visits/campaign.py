"""The advertising campaign (utm_* parameters) a visit arrived with, as the site keeps it.

It used to travel in a signed cookie (consultations.campaign); it is now part of the visit
(visitor.py), found again by the visitor's key: an old cookie is ignored.
"""

from ground.text import has_hidden_characters

UTM_PARAMETERS = ("utm_source", "utm_medium", "utm_campaign")


def campaign_from_query(query):
    """The campaign parameters worth keeping: text with no hidden characters, cut to length."""
    campaign = {}
    for name in UTM_PARAMETERS:
        value = " ".join(str(query.get(name, "")).split())
        if value and not has_hidden_characters(value, allowed=""):
            campaign[name] = value[:100]
    return campaign
