"""Caravan's URLs: the public site, the admin, the API, health and robots."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from events.feeds import SITEMAPS, EventsFeed, events_ics
from events.views import HomeView, SearchView

from . import views

admin.site.site_header = "Caravan editorial"
admin.site.site_title = "Caravan"
admin.site.index_title = "Records, sources and workflow"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("", include("cmsproject.site_urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("feeds/events/", EventsFeed(), name="feed-events"),
    path("feeds/events/<str:country>/", EventsFeed(), name="feed-events-country"),
    path("events.ics", events_ics, name="events-ics"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("admin/", admin.site.urls),
    path("api/", include("cmsproject.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
