from django.urls import path
from django.views.generic import TemplateView

from consultations.views import ConsultationCreateView

app_name = "consultations"

urlpatterns = [
    path("", ConsultationCreateView.as_view(), name="form"),
    path(
        "thanks/",
        TemplateView.as_view(template_name="consultations/thanks.html"),
        name="thanks",
    ),
]
