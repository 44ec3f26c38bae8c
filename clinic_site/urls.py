import re

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView

from consultations.sitemaps import ConsultationSitemap
from ground import language, views
from pages.sitemaps import ArticleSitemap, PageSitemap

urlpatterns = [
    # The second-factor steps live under the admin's path, ahead of the admin's own URLs.
    path(f"{settings.ADMIN_URL}sign-in/", include("staff_access.urls")),
    path("", include("security.urls")),
    # The dated hours moved from booking to ground (issue 27): a bookmark of their old admin
    # pages still opens them. Not permanent: a browser would keep it beyond a later change.
    re_path(
        rf"^{re.escape(settings.ADMIN_URL)}booking/datedhours/(?P<rest>.*)$",
        RedirectView.as_view(
            url=f"/{settings.ADMIN_URL}ground/datedhours/%(rest)s", query_string=True
        ),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "pages": PageSitemap,
                "consultation": ConsultationSitemap,
                "articles": ArticleSitemap,
            }
        },
        name="sitemap",
    ),
    path("language/<str:code>/", language.switch_language, name="switch-language"),
]

# What patients read: English at today's URLs, Arabic under /ar/.
urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("consultation/", include("consultations.urls")),
    prefix_default_language=False,
)

if apps.is_installed("booking"):
    from booking.feed import feed_view

    # The patient's time (after the form), and the staff's calendar feeds (no sign-in: the key).
    urlpatterns += i18n_patterns(
        path("consultation/time/", include("booking.urls")), prefix_default_language=False
    )
    urlpatterns.append(path("calendar/<str:key>.ics", feed_view, name="booking-feed"))

handler400 = views.bad_request
handler500 = views.server_error
