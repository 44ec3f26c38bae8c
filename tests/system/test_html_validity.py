import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from tests.servers import PROJECT_DIR
from tests.site_urls import all_page_urls

VNU_JAR = PROJECT_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture(scope="module")
def vnu():
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.fail("The Nu HTML validator is missing: run `make setup` (npm and Java).")
    return ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]


def test_every_page_is_valid_html(client, vnu, tmp_path, settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567", "whatsapp": "+971501234567"}
    urls = [*(url for _, url in all_page_urls()), "/no-such-page/", "/ar/no-such-page/"]
    files = []
    for url in urls:
        path = tmp_path / f"{url.strip('/').replace('/', '_') or 'home'}.html"
        path.write_bytes(client.get(url).content)
        files.append(str(path))

    result = subprocess.run([*vnu, *files], capture_output=True, text=True, timeout=120)

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert problems == []


def test_the_error_page_is_valid_html(vnu, tmp_path, rf):
    from ground.views import server_error

    path = tmp_path / "500.html"
    path.write_bytes(server_error(rf.get(reverse("pages:home"))).content)

    result = subprocess.run([*vnu, str(path)], capture_output=True, text=True, timeout=60)

    assert json.loads(result.stderr)["messages"] == []


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_cache")
def test_consultation_states_are_valid_html(client, vnu, tmp_path, settings):
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

    result = subprocess.run([*vnu, *files], capture_output=True, text=True, timeout=120)

    assert [r.status_code for r in pages.values()] == [200, 200, 403, 429, 400]
    assert json.loads(result.stderr)["messages"] == []
