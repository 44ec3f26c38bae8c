"""The consultation form on a page in the page cache (ground/page_cache.py): the home page and
/consultation/.

Rendering either page took about fourteen times as long as a minimal Django view, two thirds of
it crispy-forms laying out the form field by field (bench/throughput.sh; profiled with
cProfile). Only three values in the form differ from one visitor to the next: the CSRF token,
the signed time the form was shown and the page the patient came from. So the pages are cached
with a slot for each, filled in for every response. A form shown again after an error is
rendered in full, as before: it carries the answers.
"""

from consultations.forms import ConsultationForm, signed_timestamp


def signed_time(request):
    return signed_timestamp()


def this_page(request):
    return request.path


def slot_form(slots, source_page=this_page):
    """The form as it is cached: slots where a visitor's timestamp and source page go, the
    page they are on unless `source_page(request)` gives another."""
    return ConsultationForm(
        initial={"rendered_at": slots.slot(signed_time), "source_path": slots.slot(source_page)}
    )
