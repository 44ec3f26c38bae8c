"""Requests made the way scanners and attackers make them: answered cleanly, nothing lost."""

import pytest

from consultations.models import ConsultationRequest
from tests.factories import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_a_nul_in_a_campaign_parameter_does_not_break_later_submissions(client):
    client.get("/exosome-therapy/?utm_medium=cp%00c&utm_source=google")

    response = client.post("/consultation/", form_data())

    assert response.status_code == 302
    request = ConsultationRequest.objects.get()
    assert request.utm_source == "google"
    assert request.utm_medium == ""


@pytest.mark.parametrize("url", ["/", "/faq/", "/healthz", "/consultation/", "/no-such-page/"])
def test_an_unknown_host_gets_400_not_500(client, url):
    client.raise_request_exception = False

    response = client.get(url, HTTP_HOST="203.0.113.50")

    assert response.status_code == 400
    assert "Ecla Clinic" in response.content.decode()
