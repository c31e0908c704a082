"""Where things happened: event counts per place, and the region map with those places."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from cmsproject import caching
from cmsproject.maps import Marker, region_map

from . import selectors
from .models import Event, Place


def place_counts(events: QuerySet[Event]) -> dict[int, int]:
    """How many of ``events`` took place at each place (by place id)."""
    return selectors.count_by(events, "place")


def places_with_counts(counts: dict[int, int]) -> list[Place]:
    """The published places of ``counts``, each with ``event_count``, most events first."""
    places = list(Place.objects.published().filter(pk__in=counts).select_related("country"))
    for place in places:
        place.event_count = counts[place.pk]
    return sorted(places, key=lambda p: (-p.event_count, p.name))


def state_places(state) -> list[Place]:
    """The places of the published events a state took part in (counted once per content
    version: the count runs over every such event)."""
    counts = caching.cached(
        f"state-places:{state.pk}",
        lambda: place_counts(selectors.involving_state(Event.objects.published(), state.iso_code)),
    )
    return places_with_counts(counts)


def _label(place: Place) -> str:
    n = getattr(place, "event_count", 0)
    return f"{place.name}: {n} event{'' if n == 1 else 's'}" if n else place.name


def markers(places: list[Place]) -> list[Marker]:
    return [
        Marker(
            lon=float(p.longitude),
            lat=float(p.latitude),
            label=_label(p),
            count=max(getattr(p, "event_count", 1), 1),
            url=p.get_absolute_url(),
        )
        for p in places
        if p.latitude is not None and p.longitude is not None
    ]


def events_map(places: list[Place], *, title: str, description: str, key: str) -> SafeString:
    """The region map with ``places`` marked, sized by their events (empty when none has
    coordinates)."""
    shown = markers(places)
    if not shown:
        return SafeString("")
    return region_map(shown, title=title, description=description, id_prefix=f"map-{key}")
