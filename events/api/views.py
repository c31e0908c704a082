"""The record endpoints: one viewset each; the rules they share are in cmsproject/api/."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from cmsproject.editorial.api import GeoJSONExportMixin, RecordViewSet
from sources.api.serializers import citations_prefetch

from .. import selectors
from ..models import (
    Agreement,
    Event,
    Figure,
    Indicator,
    Organization,
    Person,
    Place,
    Topic,
)
from . import filters, serializers


def place_point(place: Place | None) -> tuple[float, float] | None:
    """(longitude, latitude) of a place when it has both (None for a draft place: concealed)."""
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return (float(place.longitude), float(place.latitude))


class DetailRelatedMixin:
    """A list reads only what its rows show; a detail reads through the same selector as the
    record's page (``events.selectors``): one prefetch tree, narrowed by the visibility layer
    to what the request's user may see."""

    #: the page's selector of this record type (None: the record itself is all it shows)
    detail_selector: Callable[[], QuerySet] | None = None

    def get_queryset(self):
        if self.action != "list" and self.detail_selector is not None:
            return type(self).detail_selector().visible_to(self.request.user)
        return super().get_queryset()

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


class EventViewSet(GeoJSONExportMixin, DetailRelatedMixin, RecordViewSet):
    """Meetings, summits, visits and talks."""

    queryset = Event.objects.all()
    list_serializer_class = serializers.EventListSerializer
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    list_related = ("place",)
    list_only = (
        *("slug", "title", "kind", "start_date", "end_date", "date_precision", "is_online"),
        *("status", "expire_at", "place__slug", "place__name", "place__status", "place__expire_at"),
        *("place__latitude", "place__longitude"),
    )

    detail_selector = staticmethod(selectors.event_detail)

    def coordinates(self, event: Event) -> tuple[float, float] | None:
        return place_point(event.place)


class PersonViewSet(DetailRelatedMixin, RecordViewSet):
    """People: heads of state, ministers, officials, with the offices they held."""

    queryset = Person.objects.all()
    list_serializer_class = serializers.PersonListSerializer
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    list_related = ("country",)
    detail_selector = staticmethod(selectors.person_detail)


class OrganizationViewSet(DetailRelatedMixin, RecordViewSet):
    """States, intergovernmental organizations, government bodies, initiatives."""

    queryset = Organization.objects.all()
    list_serializer_class = serializers.OrganizationListSerializer
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter

    detail_selector = staticmethod(selectors.organization_detail)


class PlaceViewSet(GeoJSONExportMixin, DetailRelatedMixin, RecordViewSet):
    """Cities and venues, with former names."""

    queryset = Place.objects.all()
    list_serializer_class = serializers.PlaceListSerializer
    serializer_class = serializers.PlaceSerializer
    filterset_class = filters.PlaceFilter
    list_related = ("country",)

    def detail_prefetches(self) -> list:
        return ["aliases", "identifiers"]

    def coordinates(self, place: Place) -> tuple[float, float] | None:
        return place_point(place)


class AgreementViewSet(GeoJSONExportMixin, DetailRelatedMixin, RecordViewSet):
    """Treaties, joint statements, declarations, memoranda."""

    queryset = Agreement.objects.all()
    list_serializer_class = serializers.AgreementListSerializer
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter
    list_related = ("place",)  # where it was signed, for the map (?format=geojson)

    detail_selector = staticmethod(selectors.agreement_detail)

    def coordinates(self, agreement: Agreement) -> tuple[float, float] | None:
        return place_point(agreement.place)


class TopicViewSet(DetailRelatedMixin, RecordViewSet):
    """Cooperation areas: trade, energy, transport, security…"""

    queryset = Topic.objects.all()
    list_serializer_class = serializers.TopicListSerializer
    serializer_class = serializers.TopicSerializer
    filterset_class = filters.TopicFilter
    list_related = ("parent",)

    def detail_prefetches(self) -> list:
        return ["children"]  # the visibility layer leaves out drafts for readers


class IndicatorViewSet(DetailRelatedMixin, RecordViewSet):
    """Statistics followed over time: trade turnover, exports, investment stock…"""

    queryset = Indicator.objects.all()
    list_serializer_class = serializers.IndicatorListSerializer
    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorFilter


class FigureViewSet(DetailRelatedMixin, RecordViewSet):
    """Cited values of the indicators: one side, one partner, one period each."""

    queryset = Figure.objects.all()
    list_serializer_class = serializers.FigureListSerializer
    serializer_class = serializers.FigureSerializer
    filterset_class = filters.FigureFilter
    list_related = ("indicator", "party", "partner")
