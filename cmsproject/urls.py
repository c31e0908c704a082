"""Caravan's URLs: the public site, the admin, the API, health and robots."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from events.feeds import SITEMAPS, EventsFeed, events_ics
from events.views import HomeView, SearchView

from . import views
from .caching import cache_response
from .editorial.activity import activity_view
from .editorial.views import reader_page

admin.site.site_header = "Caravan editorial"
admin.site.site_title = "Caravan"
admin.site.index_title = "Records, sources and workflow"

urlpatterns = [
    path("", reader_page(HomeView.as_view()), name="home"),
    path("", include("cmsproject.site_urls")),
    path("search/", reader_page(SearchView.as_view()), name="search"),
    # Feeds, calendar and sitemap are cached per content version: rebuilt after any change.
    path("feeds/events/", reader_page(cache_response(EventsFeed())), name="feed-events"),
    path(
        "feeds/events/<str:country>/",
        reader_page(cache_response(EventsFeed())),
        name="feed-events-country",
    ),
    path("events.ics", reader_page(cache_response(events_ics)), name="events-ics"),
    # A sitemap index: one section per record type, each paginated at 5,000 URLs.
    path(
        "sitemap.xml",
        reader_page(cache_response(sitemaps.index)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        reader_page(cache_response(sitemaps.sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("admin/activity/", admin.site.admin_view(activity_view), name="admin-activity"),
    path("admin/", admin.site.urls),
    path("api/", include("cmsproject.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
