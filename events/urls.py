"""The public pages of the records: under the site's "site" namespace (``site_patterns``), and
the home page, search, feeds and calendar at the top level (``urlpatterns``). DESIGN.md fixes
the addresses."""

from django.urls import path

from cmsproject.caching import cache_response
from cmsproject.editorial.views import reader_page

from . import views, views_browse
from .feeds import EventsFeed, events_ics

site_patterns = [
    path("events/", reader_page(views.EventListView.as_view()), name="event-list"),
    path(
        "events/<slug:slug>/",
        reader_page(views.EventDetailView.as_view()),
        name="event-detail",
    ),
    path("people/", reader_page(views.PersonListView.as_view()), name="person-list"),
    path(
        "people/<slug:slug>/",
        reader_page(views.PersonDetailView.as_view()),
        name="person-detail",
    ),
    path(
        "organizations/",
        reader_page(views.OrganizationListView.as_view()),
        name="organization-list",
    ),
    path(
        "organizations/<slug:slug>/",
        reader_page(views.OrganizationDetailView.as_view()),
        name="organization-detail",
    ),
    path("agreements/", reader_page(views.AgreementListView.as_view()), name="agreement-list"),
    path(
        "agreements/<slug:slug>/",
        reader_page(views.AgreementDetailView.as_view()),
        name="agreement-detail",
    ),
    path("places/", reader_page(views_browse.PlaceListView.as_view()), name="place-list"),
    path(
        "places/<slug:slug>/",
        reader_page(views_browse.PlaceDetailView.as_view()),
        name="place-detail",
    ),
    path("figures/", reader_page(views_browse.IndicatorListView.as_view()), name="figure-list"),
    path(
        "figures/<slug:slug>/",
        reader_page(views_browse.IndicatorDetailView.as_view()),
        name="figure-detail",
    ),
    path(
        "relations/<slug:first>/<slug:second>/",
        reader_page(views_browse.RelationView.as_view()),
        name="relation",
    ),
    path("topics/", reader_page(views_browse.TopicListView.as_view()), name="topic-list"),
    path(
        "topics/<slug:slug>/",
        reader_page(views.TopicDetailView.as_view()),
        name="topic-detail",
    ),
]

urlpatterns = [
    path("", reader_page(views.HomeView.as_view()), name="home"),
    path("search/", reader_page(views.SearchView.as_view()), name="search"),
    # Feeds and the calendar are cached per content version: rebuilt after any change.
    path("feeds/", reader_page(views_browse.FeedsView.as_view()), name="feeds"),
    path("feeds/events/", reader_page(cache_response(EventsFeed())), name="feed-events"),
    path(
        "feeds/events/<str:country>/",
        reader_page(cache_response(EventsFeed())),
        name="feed-events-country",
    ),
    path("events.ics", reader_page(cache_response(events_ics)), name="events-ics"),
]
