"""Project-wide state: the content version that tells caches when anything public changed."""

from django.db import models


class ContentVersion(models.Model):
    """One row whose number goes up whenever a record, source or relation is saved or deleted.

    Cached aggregates (home page counts and charts, a state's partner table, feeds, the
    calendar, the sitemap) are keyed by it, so every app server sees a change at once — a
    per-process cache cannot tell the others.
    """

    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)
