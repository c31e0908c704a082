"""Project-wide state: the content version that tells caches when anything public changed."""

from django.db import models

from .changes import Change
from .editorial.comments import Comment
from .editorial.jobs import Job
from .editorial.pending import Revision
from .editorial.redirects import Redirect
from .webhooks import Delivery, Webhook

__all__ = [
    "Change",
    "Comment",
    "ContentVersion",
    "Delivery",
    "Job",
    "Redirect",
    "Revision",
    "Webhook",
]


class ContentVersion(models.Model):
    """Counters that go up on every change (row 1: any record, source or relation saved or
    deleted; row 2: a name linking matches — a person, alias, office, place, event…).

    Cached aggregates (home page counts and charts, a state's partner table, feeds, the
    calendar, the sitemap) are keyed by it, so every app server sees a change at once — a
    per-process cache cannot tell the others.
    """

    value = models.BigIntegerField(default=0)
    #: When what readers see next changes with nobody saving anything: the earliest expiry
    #: of a published record. Reading the version after it bumps the version (caching.py).
    changes_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return str(self.value)
