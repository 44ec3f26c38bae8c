from django.urls import path

from booking import views

app_name = "booking"

urlpatterns = [
    path("", views.PickView.as_view(), name="pick"),
    path("visit/<str:token>/", views.VisitView.as_view(), name="visit"),
    path("visit/<str:token>/calendar.ics", views.calendar_file, name="calendar-file"),
]
