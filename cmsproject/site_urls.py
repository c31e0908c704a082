"""The public site's URLs (a contract: see DESIGN.md)."""

from django.urls import path

from cmsproject.editorial.views import reader_page
from events import views as event_views
from sources import views as source_views

app_name = "site"

urlpatterns = [
    path("events/", reader_page(event_views.EventListView.as_view()), name="event-list"),
    path(
        "events/<slug:slug>/",
        reader_page(event_views.EventDetailView.as_view()),
        name="event-detail",
    ),
    path("people/", reader_page(event_views.PersonListView.as_view()), name="person-list"),
    path(
        "people/<slug:slug>/",
        reader_page(event_views.PersonDetailView.as_view()),
        name="person-detail",
    ),
    path(
        "organizations/",
        reader_page(event_views.OrganizationListView.as_view()),
        name="organization-list",
    ),
    path(
        "organizations/<slug:slug>/",
        reader_page(event_views.OrganizationDetailView.as_view()),
        name="organization-detail",
    ),
    path(
        "agreements/", reader_page(event_views.AgreementListView.as_view()), name="agreement-list"
    ),
    path(
        "agreements/<slug:slug>/",
        reader_page(event_views.AgreementDetailView.as_view()),
        name="agreement-detail",
    ),
    path("sources/", reader_page(source_views.SourceListView.as_view()), name="source-list"),
    path(
        "sources/<slug:slug>/",
        reader_page(source_views.SourceDetailView.as_view()),
        name="source-detail",
    ),
    path(
        "topics/<slug:slug>/",
        reader_page(event_views.TopicDetailView.as_view()),
        name="topic-detail",
    ),
]
