"""One signed-link helper (ground/signed_links.py) for the visit link, the spam request's "held
time" link and the reference to a request (issue 27, item 3): every link made before it is read
the same, and it makes the same tokens byte for byte. The tokens below were made by the code
before the helper (booking/links.py and consultations/references.py at f62d404) with this
secret key, this UUID and, for the reference, this clock."""

import uuid
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.core import signing
from django.test import override_settings

from booking import links
from booking.models import Booking
from consultations import references
from consultations.models import ConsultationRequest
from ground.signed_links import SignedLink

ID = uuid.UUID("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9")
MADE_AT = 1796000000.0  # when the reference below was made (time.time())
VISIT_TOKEN = "0f1e2d3c4b5a49788695a4b3c2d1e0f9:v56nuGQFX6ZBywXgYcfr-DCNkeBLURsALF2DhG-jQR4"
REFERENCE = (
    "IjBmMWUyZDNjNGI1YTQ5Nzg4Njk1YTRiM2MyZDFlMGY5Ig:1xXpdw:"
    "F__IZJhNUJaHi3z_yq44wboit3rZ5pJew1jjnNsFyKc"
)
DECOY_PATH = (
    "/consultation/time/visit/0f1e2d3c4b5a4978a50f3c95a19fc8e4:"
    "PVj-52u6Yx3IJUmPR5KT4tvWRKoQGnpS2g1VOFPjXjk/"
)
DECOY_START = datetime(2026, 12, 8, 16, 30, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("golden_key")


@pytest.fixture
def golden_key():
    with override_settings(SECRET_KEY="signed-links-golden-" + "k" * 40):
        yield


def clock(seconds):
    return mock.patch("django.core.signing.time.time", return_value=seconds)


def test_a_visit_link_is_the_same_token_as_before_and_an_old_one_still_opens():
    assert links.visit_token(Booking(public_id=ID)) == VISIT_TOKEN
    assert links.public_id_from(VISIT_TOKEN) == ID


def test_a_reference_is_the_same_token_as_before_and_an_old_one_still_reads():
    with clock(MADE_AT):
        assert references.reference_for(ConsultationRequest(public_id=ID)) == REFERENCE
    with clock(MADE_AT + references.MAX_AGE_SECONDS - 1):
        assert references.public_id_from(REFERENCE) == ID


def test_a_held_time_link_is_the_same_as_before_and_an_old_one_names_its_time():
    with mock.patch("booking.links.uuid.uuid4", return_value=ID):
        assert links.decoy_path(DECOY_START, "en") == DECOY_PATH
    token = DECOY_PATH.split("/")[-2]
    assert links.decoy_start_from(token) == DECOY_START
    assert links.public_id_from(token) is None  # its own salt: never a booking's link


def test_the_links_made_now_are_read_as_the_code_before_read_them():
    # How booking/links.py and consultations/references.py read them before the helper.
    visit = links.visit_token(Booking(public_id=ID))
    assert uuid.UUID(hex=signing.Signer(salt="booking.visit-public-id").unsign(visit)) == ID
    reference = references.reference_for(ConsultationRequest(public_id=ID))
    read = signing.loads(reference, salt="consultations.request-link", max_age=14 * 24 * 3600)
    assert uuid.UUID(hex=read) == ID


@pytest.mark.parametrize(
    "token", [None, "", "not-a-token", VISIT_TOKEN[:-1] + "x", VISIT_TOKEN.upper(), REFERENCE]
)
def test_a_visit_link_forged_mangled_or_of_another_kind_reads_as_none(token):
    assert links.public_id_from(token) is None


def test_a_signed_value_that_is_not_a_uuid_reads_as_none():
    not_a_uuid = signing.Signer(salt=links.SALT).sign("not-hex")
    assert links.public_id_from(not_a_uuid) is None
    assert SignedLink(links.SALT).read(not_a_uuid) is None


def test_a_reference_too_old_or_made_for_a_visit_reads_as_none():
    with clock(MADE_AT + references.MAX_AGE_SECONDS + 1):
        assert references.public_id_from(REFERENCE) is None
    with clock(MADE_AT):
        assert references.public_id_from(VISIT_TOKEN) is None
        not_a_uuid = signing.dumps(["a list"], salt="consultations.request-link")
        assert references.public_id_from(not_a_uuid) is None
