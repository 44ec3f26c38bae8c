from django.urls import path

from consultations.views import ConsultationCreateView, ThanksView

app_name = "consultations"

urlpatterns = [
    path("", ConsultationCreateView.as_view(), name="form"),
    path("thanks/", ThanksView.as_view(), name="thanks"),
]
