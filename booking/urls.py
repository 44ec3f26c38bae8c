from django.urls import path

from booking import views, visit

app_name = "booking"

urlpatterns = [
    path("", views.PickView.as_view(), name="pick"),
    path("visit/<str:token>/", visit.VisitView.as_view(), name="visit"),
    path("visit/<str:token>/cancel/", visit.CancelView.as_view(), name="cancel"),
    path("visit/<str:token>/calendar.ics", visit.calendar_file, name="calendar-file"),
]
