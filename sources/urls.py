"""The public pages of sources (names under the site's "site" namespace, see DESIGN.md)."""

from django.urls import path

from cmsproject.editorial.views import reader_page

from . import views

site_patterns = [
    path("sources/", reader_page(views.SourceListView.as_view()), name="source-list"),
    path(
        "sources/<slug:slug>/",
        reader_page(views.SourceDetailView.as_view()),
        name="source-detail",
    ),
]
