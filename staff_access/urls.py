from django.urls import path

from staff_access import language, views

app_name = "staff_access"

urlpatterns = [
    path("", views.verify, name="verify"),
    path("set-up/", views.enrol, name="enrol"),
    path("set-up/qr-code.svg", views.qr_code, name="qr-code"),
    path("recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("language/", language.choose_language, name="language"),
]
