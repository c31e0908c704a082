"""The sitemap section of a record type: every published record's page, with its date."""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max


class PublishedSitemap(Sitemap):
    """Every published record's page, with the date it last changed."""

    limit = 5000

    def __init__(self, model) -> None:
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj) -> datetime.datetime:
        return obj.updated_at

    def get_latest_lastmod(self) -> datetime.datetime | None:
        """For the sitemap index: when anything in this section last changed."""
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]
