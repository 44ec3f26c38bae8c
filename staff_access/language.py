"""Each staff member's admin in the language they chose (Django's own admin translations)."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.views.decorators.http import require_POST

from ground.language import LANGUAGE_CODES
from staff_access.models import StaffPreference
from staff_access.views import next_url, staff_signed_in


@require_POST
@staff_signed_in
def choose_language(request):
    code = request.POST.get("language")
    if code in LANGUAGE_CODES:
        StaffPreference.objects.update_or_create(user=request.user, defaults={"language": code})
    return HttpResponseRedirect(next_url(request))


class StaffLanguageMiddleware:
    """In the admin, a signed-in staff member's own choice wins over the browser's language."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if request.path_info.startswith(self.admin_prefix) and user and user.is_authenticated:
            preference = StaffPreference.objects.filter(user=user).first()
            if preference:
                translation.activate(preference.language)
                request.LANGUAGE_CODE = preference.language
        return self.get_response(request)
