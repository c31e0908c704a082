"""The sources endpoint: /api/v1/sources/ and /api/v1/sources/<slug>/."""

from __future__ import annotations

from django.db.models import Prefetch

from cmsproject.editorial.api import RecordViewSet

from ..models import Citation, Source
from .filters import SourceFilter
from .serializers import SourceListSerializer, SourceSerializer


class SourceViewSet(RecordViewSet):
    """News articles, press releases and documents our records rest on. Readers get our
    summary; the article's text is for editors only."""

    queryset = Source.objects.all()
    list_serializer_class = SourceListSerializer
    serializer_class = SourceSerializer
    filterset_class = SourceFilter

    def with_related(self, queryset):
        queryset = queryset.select_related("outlet", "duplicate_of")
        if self.action == "list":
            return queryset
        return queryset.prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("content_type").prefetch_related("record"),
            )
        )
