"""Caravan's URLs, composed from the apps': the public site, the admin, the API, health."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

import events.urls
import sources.urls
from events.sitemaps import SITEMAPS as EVENT_SITEMAPS
from sources.sitemaps import SITEMAPS as SOURCE_SITEMAPS

from . import views
from .caching import cache_response
from .editorial.activity import activity_view, scheduled_view
from .editorial.views import reader_page

admin.site.site_header = "Caravan editorial"
admin.site.site_title = "Caravan"
admin.site.index_title = "Records, sources and workflow"

SITEMAPS = {**EVENT_SITEMAPS, **SOURCE_SITEMAPS}
SITE_PAGES = [*events.urls.site_patterns, *sources.urls.site_patterns]

urlpatterns = [
    path("", include((SITE_PAGES, "site"))),
    path("", include(events.urls)),
    # A sitemap index: one section per record type, each paginated at 5,000 URLs, cached per
    # content version.
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
    path("admin/scheduled/", admin.site.admin_view(scheduled_view), name="admin-scheduled"),
    path("admin/", admin.site.urls),
    path("api/", include("cmsproject.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "cmsproject.views.bad_request"
