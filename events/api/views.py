"""The record endpoints: one viewset each; the rules they share are in cmsproject/api/."""

from __future__ import annotations

from django.db.models import Prefetch

from cmsproject.editorial.api import CSVExportMixin, RecordViewSet, visible
from sources.api.serializers import citations_prefetch

from ..models import (
    Agreement,
    Event,
    Organization,
    Participation,
    Person,
    Place,
    Position,
    Signatory,
    Topic,
)
from . import filters, serializers


class DetailRelatedMixin:
    """Related records a detail shows, narrowed by ``visible`` to what the user may see."""

    def visible(self, model):
        return visible(model.objects.all(), self.request)

    def with_related(self, queryset):
        queryset = queryset.select_related(*self.list_related)
        if self.action == "list":
            # Only the columns the list shows: a list row is a fraction of a record.
            return queryset.only(*self.list_only) if self.list_only else queryset
        return queryset.prefetch_related(
            citations_prefetch(self.request), *self.detail_prefetches()
        )

    list_related: tuple[str, ...] = ()
    list_only: tuple[str, ...] = ()

    def detail_prefetches(self) -> list:
        return []


class EventViewSet(CSVExportMixin, DetailRelatedMixin, RecordViewSet):
    """Meetings, summits, visits and talks."""

    queryset = Event.objects.all()
    list_serializer_class = serializers.EventListSerializer
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    list_related = ("place",)
    list_only = (
        *("slug", "title", "kind", "start_date", "end_date", "date_precision", "is_online"),
        *("status", "place__slug", "place__name", "place__status"),
    )

    def with_related(self, queryset):
        queryset = super().with_related(queryset)
        if self.action != "list":
            queryset = queryset.select_related("series", "host", "parent")
        return queryset

    def detail_prefetches(self) -> list:
        participations = Participation.objects.select_related(
            "person", "representing"
        ).prefetch_related(
            Prefetch("person__positions", queryset=Position.objects.select_related("organization"))
        )
        return [
            Prefetch("participations", queryset=participations),
            Prefetch("topics", queryset=self.visible(Topic)),
            Prefetch("agreements", queryset=self.visible(Agreement).order_by("title")),
            Prefetch(
                "sideline_events", queryset=self.visible(Event).order_by("start_date", "title")
            ),
        ]


class PersonViewSet(CSVExportMixin, DetailRelatedMixin, RecordViewSet):
    """People: heads of state, ministers, officials, with the offices they held."""

    queryset = Person.objects.all()
    list_serializer_class = serializers.PersonListSerializer
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    list_related = ("country",)

    def detail_prefetches(self) -> list:
        return [
            "aliases",
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("organization").order_by("start_date"),
            ),
            Prefetch("events", queryset=self.visible(Event).order_by("-start_date")),
        ]


class OrganizationViewSet(DetailRelatedMixin, RecordViewSet):
    """States, intergovernmental organizations, government bodies, initiatives."""

    queryset = Organization.objects.all()
    list_serializer_class = serializers.OrganizationListSerializer
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter

    def with_related(self, queryset):
        queryset = super().with_related(queryset)
        return queryset if self.action == "list" else queryset.select_related("parent")

    def detail_prefetches(self) -> list:
        return [
            "aliases",
            Prefetch("members", queryset=self.visible(Organization)),
            Prefetch("member_of", queryset=self.visible(Organization)),
            Prefetch("children", queryset=self.visible(Organization)),
        ]


class PlaceViewSet(DetailRelatedMixin, RecordViewSet):
    """Cities and venues, with former names."""

    queryset = Place.objects.all()
    list_serializer_class = serializers.PlaceListSerializer
    serializer_class = serializers.PlaceSerializer
    filterset_class = filters.PlaceFilter
    list_related = ("country",)

    def detail_prefetches(self) -> list:
        return ["aliases"]


class AgreementViewSet(CSVExportMixin, DetailRelatedMixin, RecordViewSet):
    """Treaties, joint statements, declarations, memoranda."""

    queryset = Agreement.objects.all()
    list_serializer_class = serializers.AgreementListSerializer
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter

    def with_related(self, queryset):
        queryset = super().with_related(queryset)
        return queryset if self.action == "list" else queryset.select_related("signed_at", "place")

    def detail_prefetches(self) -> list:
        return [
            "aliases",
            Prefetch("parties", queryset=self.visible(Organization)),
            Prefetch("topics", queryset=self.visible(Topic)),
            Prefetch(
                "signatories",
                queryset=Signatory.objects.select_related("person", "on_behalf_of"),
            ),
        ]


class TopicViewSet(DetailRelatedMixin, RecordViewSet):
    """Cooperation areas: trade, energy, transport, security…"""

    queryset = Topic.objects.all()
    list_serializer_class = serializers.TopicListSerializer
    serializer_class = serializers.TopicSerializer
    filterset_class = filters.TopicFilter
    list_related = ("parent",)

    def detail_prefetches(self) -> list:
        return [Prefetch("children", queryset=self.visible(Topic))]
