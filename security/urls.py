from django.urls import path

from security import views

app_name = "security"

urlpatterns = [
    path("csp-report/", views.csp_report, name="csp-report"),
]
