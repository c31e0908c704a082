"""The search index: one row per published record, searched with the database's full text."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from cmsproject.editorial.visibility import EditorialRow


class SearchEntry(EditorialRow):
    """What search reads for one published record: its names and its text.

    Rows exist only for published records (kept in step by signals; rebuilt by
    ``manage.py rebuild_search_index``). On SQLite an FTS5 table mirrors this one; on PostgreSQL
    ``vector`` holds the tsvector, with a GIN index (both made by migration 0004).
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    # A tsvector on PostgreSQL; unused (and empty) on SQLite, whose FTS5 table does the work.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
