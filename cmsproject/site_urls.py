"""The public site's URLs (a contract: see DESIGN.md)."""

from django.urls import path

from events import views as event_views
from sources import views as source_views

app_name = "site"

urlpatterns = [
    path("events/", event_views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", event_views.EventDetailView.as_view(), name="event-detail"),
    path("people/", event_views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", event_views.PersonDetailView.as_view(), name="person-detail"),
    path("organizations/", event_views.OrganizationListView.as_view(), name="organization-list"),
    path(
        "organizations/<slug:slug>/",
        event_views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("agreements/", event_views.AgreementListView.as_view(), name="agreement-list"),
    path(
        "agreements/<slug:slug>/",
        event_views.AgreementDetailView.as_view(),
        name="agreement-detail",
    ),
    path("sources/", source_views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", source_views.SourceDetailView.as_view(), name="source-detail"),
    path("topics/<slug:slug>/", event_views.TopicDetailView.as_view(), name="topic-detail"),
]
