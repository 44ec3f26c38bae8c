from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import CreateView, TemplateView

from consultations import next_steps, ratelimit, references
from consultations.forms import ConsultationForm
from consultations.page_cache_form import slot_form
from consultations.submission import record_request
from ground.page_cache import page_cache_response


def source_page(request):
    """The page of this site the patient came from, else the one they are on."""
    try:
        referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    except ValueError:  # not a URL at all ("http://[")
        return request.path
    if referer.netloc == request.get_host() and referer.path:
        return referer.path
    return request.path


@method_decorator(never_cache, name="dispatch")
class ConsultationCreateView(CreateView):
    form_class = ConsultationForm
    template_name = "consultations/form.html"
    success_url = reverse_lazy("consultations:thanks")

    def get_initial(self):
        return {"source_path": source_page(self.request)}

    def get(self, request, *args, **kwargs):
        # A new form: the cached page with this visitor's token, timestamp and source page. A
        # form shown again after an error is rendered in full by post(), with the patient's
        # answers. The form itself is made only when the page is rendered for the page cache:
        # making it for every visitor cost more than the rest of the response
        # (bench/throughput.sh).
        return page_cache_response(
            request, self.template_name, lambda slots: {"form": slot_form(slots, source_page)}
        )

    def post(self, request, *args, **kwargs):
        if ratelimit.count(request, "attempts") > settings.CONSULTATION_RATE_HARD_LIMIT:
            response = render(request, "consultations/too_many_requests.html", status=429)
            response["Retry-After"] = ratelimit.current_window()[1]
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        over_soft_limit = (
            ratelimit.count(self.request, "accepted") > settings.CONSULTATION_RATE_SOFT_LIMIT
        )
        # Bots get the same thank-you page as people: nothing tells them they were caught.
        stored = record_request(
            form, self.request, suspected_spam=over_soft_limit or form.looks_automated()
        )
        if stored is None or stored.pk is None:
            return redirect(self.success_url)
        # A stored request's thanks page may offer a next step (choosing a time).
        return redirect(
            f"{self.success_url}?{urlencode({'ref': references.reference_for(stored)})}"
        )


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    template_name = "consultations/thanks.html"

    def get_context_data(self, **kwargs):
        reference = self.request.GET.get("ref", "")
        steps = []
        if references.public_id_from(reference) is not None:
            steps = next_steps.for_reference(self.request, reference)
        return {**super().get_context_data(**kwargs), "next_steps": steps}
