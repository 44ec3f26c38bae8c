"""The consultation form on a kept page (ground/page_cache.py): the home page and /consultation/.

Rendering either page took about fourteen times as long as a minimal Django view, two thirds of
it crispy-forms laying out the form field by field (bench/throughput.sh; profiled with
cProfile). Only three values in the form differ from one visitor to the next: the CSRF token
(ground's own slot), the signed time the form was shown and the page the patient came from. So
the pages are kept with a slot for each, filled in for every response. A form shown again after
an error is rendered in full, as before: it carries the answers.
"""

from django.utils.html import escape

from consultations.forms import ConsultationForm, signed_timestamp
from ground.page_cache import register_slot

RENDERED_AT_SLOT = "prerendered-slot-rendered-at"
SOURCE_PATH_SLOT = "prerendered-slot-source-path"


def slot_form():
    """The form as it is kept: slots where a visitor's timestamp and source page go."""
    return ConsultationForm(
        initial={"rendered_at": RENDERED_AT_SLOT, "source_path": SOURCE_PATH_SLOT}
    )


def register_slots():
    register_slot(RENDERED_AT_SLOT, lambda request: signed_timestamp())
    # The page the form is on; /consultation/ gives the page the patient came from instead.
    register_slot(SOURCE_PATH_SLOT, lambda request: escape(request.path))
