from django.urls import path

from ground.page_cache import cached_page
from pages import articles, preview
from pages.contents import PAGES
from pages.passages import content_or_503

app_name = "pages"

# Each page is all template, in the page cache (ground/page_cache.py), its words the clinic's
# published content (503 while it can't be read at all: pages/passages.py). The home page carries
# the consultation form: its template's {% consultation_form %}.
urlpatterns = [
    path(page.path, content_or_503(cached_page(page.template, **page.context)), name=page.name)
    for page in PAGES
]
# The clinic's articles, each at its slug (pages/articles.py).
urlpatterns += [
    path("articles/", articles.article_list, name="articles"),
    path("articles/<slug:slug>/", articles.article, name="article"),
]
# A draft of the clinic's content on its page, for the staff (never cached: pages/preview.py).
urlpatterns.append(path("preview/<slug:kind>/<int:pk>/", preview.view, name="preview"))
