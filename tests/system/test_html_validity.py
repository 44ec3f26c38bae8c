import pytest
from django.urls import reverse

from tests.site_urls import all_page_urls


def test_the_validator_finds_what_is_invalid(html_validator, tmp_path):
    path = tmp_path / "broken.html"
    path.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p><span></p><dvi>')

    errors = html_validator.errors([path])

    assert [(name, line) for name, line, _message in errors] == [("broken.html", 1)] * len(errors)
    assert len(errors) >= 2


@pytest.mark.django_db  # the pages' words: the published content
def test_every_page_is_valid_html(client, html_validator, tmp_path, settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567", "whatsapp": "+971501234567"}
    urls = [*(url for _, url in all_page_urls()), "/no-such-page/", "/ar/no-such-page/"]
    files = []
    for url in urls:
        path = tmp_path / f"{url.strip('/').replace('/', '_') or 'home'}.html"
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path.write_bytes(response.content)
        files.append(str(path))

    errors = html_validator.errors(files)

    assert errors == []


def test_the_error_page_is_valid_html(html_validator, tmp_path, rf):
    from ground.views import server_error

    path = tmp_path / "500.html"
    path.write_bytes(server_error(rf.get(reverse("pages:home"))).content)

    errors = html_validator.errors([path])

    assert errors == []


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_cache")
def test_consultation_states_are_valid_html(client, html_validator, tmp_path, settings):
    from django.test import Client

    from tests.factories import form_data

    pages = {
        "errors": client.post("/consultation/", form_data(phone="12", consent=None)),
        "thanks": client.get(reverse("consultations:thanks")),
        "csrf": Client(enforce_csrf_checks=True).post("/consultation/", form_data()),
    }
    settings.CONSULTATION_RATE_HARD_LIMIT = 0
    pages["too-many"] = client.post("/consultation/", form_data())
    settings.CONSULTATION_RATE_HARD_LIMIT = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    pages["too-large"] = client.post("/consultation/", form_data(message="x" * 500))
    files = []
    for name, response in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))

    errors = html_validator.errors(files)

    assert [r.status_code for r in pages.values()] == [200, 200, 403, 429, 400]
    assert errors == []
