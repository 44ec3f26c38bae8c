"""Hostile input through the form: a clear field error, or stored exactly as typed and shown
escaped on every screen the front desk uses (the list, the request, the CSV)."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from consultations.forms import ConsultationForm
from consultations.models import ConsultationRequest
from consultations.phone import parse_search_number
from consultations.spreadsheet import neutralise
from tests.factories import form_data, login_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

# Typed into the name and the message.
HOSTILE_TEXT = {
    "script tag": "<script>alert(1)</script>",
    "img onerror": '<img src=x onerror="alert(1)">',
    "svg onload": "<svg/onload=alert(1)>",
    "attribute breakout double": '" autofocus onfocus="alert(1)',
    "attribute breakout single": "' onmouseover='alert(1)",
    "closing textarea": "</textarea><script>alert(1)</script>",
    "closing title": "</title><script>alert(1)</script>",
    "javascript url": "javascript:alert(document.cookie)",
    "data url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "style injection": "<style>body{display:none}</style>",
    "html entity": "&lt;b&gt;Layla&lt;/b&gt; &amp;",
    "django template": "{{ settings.SECRET_KEY }}",
    "django tag": "{% load static %}{% debug %}",
    "jinja expression": "{{ 7*7 }} ${7*7} #{7*7}",
    "sql quote": "Robert'); DROP TABLE consultations_consultationrequest;--",
    "sql union": "' UNION SELECT password FROM auth_user --",
    "sql comment": "admin'/*",
    "like wildcards": "100% _match_",
    "crlf header": "Layla\r\nSet-Cookie: admin=1",
    "formula equals": '=HYPERLINK("http://evil.example","click")',
    "formula plus": "+1+1",
    "formula minus": "-2+3",
    "formula at": "@SUM(1,1)",
    "formula tab": "\t=1+1",
    "json": '{"name": "x", "status": "booked"}',
    "path traversal": "../../../../etc/passwd",
    "url": "https://evil.example/?q=<x>",
    "emoji": "Layla 👩🏽‍⚕️ 🙂",
    "arabic name": "ليلى حسن",
    "arabic with latin": "Layla ليلى",
    "hebrew": "לילה",
    "chinese": "莱拉",
    "combining marks": "Zalgo Z̴̡̪a̵͚l̸g̶o̷",
    "zero width joiner": "La\u200dyla",
    "backslashes": "C:\\Users\\Layla\\",
    "quotes": 'O\'Brien "the patient"',
    "long name": "L" * 10_000,
}
# Refused with a clear message beside the field (and nothing stored).
REFUSED_TEXT = {
    "nul": "Layla\x00Hassan",
    "bidi override": "Layla \u202eevil",
    "bidi isolate": "Layla \u2066x\u2069",
    "bell": "Layla\x07",
    "escape sequence": "\x1b[31mLayla",
}
HOSTILE_PHONES = {
    "arabic-indic digits": ("٠٥٠١٢٣٤٥٦٧", "+971501234567"),
    "eastern arabic-indic digits": ("۰۵۰۱۲۳۴۵۶۷", "+971501234567"),
    "spaces and dashes": ("050-123 4567", "+971501234567"),
    "international": ("00971 50 123 4567", "+971501234567"),
    "script": ("<script>", None),
    "sql": ("0501234567' OR 1=1--", None),
    "formula": ("=1+1", None),
    "letters": ("call me", None),
    "too long": ("0" * 10_000, None),
    "nul": ("050\x00123 4567", None),
}


@pytest.fixture
def superuser_client(client):
    return login_staff(client, User.objects.create_superuser("owner", password="x" * 20))


def exported(client):
    response = client.get(reverse("admin:consultations_consultationrequest_export"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def errors(response):
    return response.context["form"].errors


@pytest.mark.parametrize("value", HOSTILE_TEXT.values(), ids=HOSTILE_TEXT.keys())
def test_hostile_text_is_refused_clearly_or_stored_as_typed_and_shown_escaped(
    superuser_client, client, value
):
    response = client.post("/consultation/", form_data(name=value, message=value[:2000]))

    if response.status_code == 200:
        assert set(errors(response)) <= {"name", "message"}
        assert all(message for message in errors(response).values())
        assert ConsultationRequest.objects.count() == 0
        return
    stored = ConsultationRequest.objects.get()
    assert stored.name == " ".join(value.split())
    assert stored.message == value[:2000].strip()
    listing = superuser_client.get(
        reverse("admin:consultations_consultationrequest_changelist")
    ).content.decode()
    change = superuser_client.get(
        reverse("admin:consultations_consultationrequest_change", args=[stored.pk])
    ).content.decode()
    assert escape(stored.name) in listing
    assert escape(stored.message) in change
    if "<" in value:
        assert value.strip() not in listing + change
    (row,) = exported(superuser_client)
    assert row["Name"] == neutralise(stored.name)
    assert row["Message"] == neutralise(stored.message)


@pytest.mark.parametrize("value", REFUSED_TEXT.values(), ids=REFUSED_TEXT.keys())
def test_hidden_characters_get_a_message_beside_the_field(client, value):
    response = client.post("/consultation/", form_data(name=value, message=value))

    assert response.status_code == 200
    assert "hidden characters" in str(errors(response)["name"])
    assert "hidden characters" in str(errors(response)["message"])
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize("typed, stored", HOSTILE_PHONES.values(), ids=HOSTILE_PHONES.keys())
def test_phone_numbers_are_read_in_any_digits_or_refused_beside_the_field(client, typed, stored):
    response = client.post("/consultation/", form_data(phone=typed, name="Layla Hassan"))

    if stored is None:
        assert response.status_code == 200
        assert errors(response)["phone"]
        assert 'value="Layla Hassan"' in response.content.decode()
        assert ConsultationRequest.objects.count() == 0
    else:
        assert response.status_code == 302
        assert str(ConsultationRequest.objects.get().phone) == stored


def test_at_least_forty_hostile_inputs_are_tried():
    assert len(HOSTILE_TEXT) + len(REFUSED_TEXT) + len(HOSTILE_PHONES) >= 40


FORM_FIELDS = st.fixed_dictionaries(
    {
        "name": st.text(max_size=300),
        "phone": st.text(max_size=40),
        "whatsapp": st.text(max_size=40),
        "whatsapp_same": st.sampled_from(["", "on"]),
        "message": st.text(max_size=300),
        "consent": st.sampled_from(["", "on"]),
        "rendered_at": st.text(max_size=80),
        "source_path": st.text(max_size=300),
        "contact_reference": st.text(max_size=20),
    }
)


@given(data=FORM_FIELDS)
def test_no_input_makes_the_form_raise(data):
    form = ConsultationForm(data=data)

    if form.is_valid():
        form.fingerprint()
        form.looks_automated()


@given(text=st.text(max_size=60))
def test_no_input_makes_the_number_search_raise(text):
    number = parse_search_number(text)

    assert number is None or number.startswith("+")
