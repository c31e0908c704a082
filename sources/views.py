"""Public pages of sources: what we cite and who cites it — never the article's full text."""

from __future__ import annotations

from collections import defaultdict

from django.views.generic import DetailView
from django_filters.views import FilterView

from cmsproject.editorial.views import VisibleToUserMixin
from cmsproject.pagination import CachedCountPaginator

from .filters import SourceFilter
from .models import Source
from .notes import Note


class SourceListView(FilterView):
    filterset_class = SourceFilter
    template_name = "sources/source_list.html"
    paginate_by = 50
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        # The list shows titles: an article's text (tens of KB each) is never read here.
        return (
            Source.objects.published()
            .select_related("outlet")
            .defer("body", "raw_text", "summary", "sketch")
        )


class SourceDetailView(VisibleToUserMixin, DetailView):
    model = Source
    template_name = "sources/source_detail.html"

    def get_queryset(self):
        return Source.objects.visible_to(self.request.user).select_related("outlet")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        # What the source supports: each record citing it, with the facts it backs there.
        citing: dict[str, dict] = defaultdict(dict)
        citations = source.citations.select_related("content_type").prefetch_related("record")
        for citation in citations:
            record = citation.record
            if record is None:
                continue
            entry = citing[record._meta.verbose_name_plural.capitalize()].setdefault(
                record.pk, {"record": record, "facts": []}
            )
            fact = Note(0, citation).claim_label if citation.claim else "the record as a whole"
            if fact not in entry["facts"]:
                entry["facts"].append(fact)
        context["citing"] = {kind: list(records.values()) for kind, records in citing.items()}
        context["outlet"] = source.outlet
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": source.title,
            "url": self.request.build_absolute_uri(source.get_absolute_url()),
        }
        if source.published_on:
            ld["datePublished"] = source.published_on.isoformat()
        if context["outlet"]:
            ld["publisher"] = {"@type": "Organization", "name": context["outlet"].name}
        if source.url:
            ld["sameAs"] = source.url
        context["ld"] = ld
        return context
