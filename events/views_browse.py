"""Public pages to browse by: places (with the region map), topics, and figures."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from cmsproject import caching
from cmsproject.editorial.views import VisibleToUserMixin
from sources.notes import Notes

from . import figures, geography, jsonld, relations, selectors
from .models import (
    Agreement,
    Event,
    Figure,
    Indicator,
    Organization,
    Place,
    PlaceAlias,
    Topic,
)

PLACES_LISTED = 200


class PlaceListView(TemplateView):
    template_name = "events/place_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The map and the list are the same for every reader: rendered once per content
        # version, so a request costs a cache read however many places the archive has.
        context["index"] = mark_safe(caching.cached("places-index", _places_index))
        return context


def _places_index() -> str:
    """The places where things happened, most events first, on the map and listed by country;
    bounded, so that the index of a large archive stays one page (every place keeps its own)."""
    counts = geography.place_counts(Event.objects.published())
    top = sorted(counts, key=lambda pk: -counts[pk])[:PLACES_LISTED]
    listed = geography.places_with_counts({pk: counts[pk] for pk in top})
    listed.sort(key=lambda p: (p.country.name if p.country else "~", p.name))
    context = {
        "more_places": max(len(counts) - PLACES_LISTED, 0),
        "countries": [
            (country, list(group)) for country, group in groupby(listed, key=lambda p: p.country)
        ],
        "map": geography.events_map(
            listed,
            title="Where the events took place",
            description="A map of China and Central Asia; each circle is a place where "
            "published events took place, larger for more events. The list below has the same "
            "places.",
            key="places",
        ),
    }
    return render_to_string("events/_place_index.html", context)


class PlaceDetailView(VisibleToUserMixin, DetailView):
    model = Place
    template_name = "events/place_detail.html"

    def get_queryset(self):
        return (
            Place.objects.visible_to(self.request.user)
            .select_related("country")
            .prefetch_related(
                selectors.published_citations(),
                Prefetch("aliases", queryset=PlaceAlias.objects.order_by("valid_from", "name")),
                "identifiers",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = self.object
        events = list(selectors.event_list().filter(place=place).order_by("-start_date")[:100])
        place.event_count = len(events)
        context["events"] = events
        context["agreements"] = (
            Agreement.objects.published().filter(place=place).order_by("-signed_on")[:100]
        )
        context["country"] = place.country
        context["notes"] = Notes(place.citations.all())
        context["map"] = geography.events_map(
            [place],
            title=f"{place.name} on the map",
            description=f"A map of China and Central Asia with {place.name} marked.",
            key="place",
        )
        context["ld"] = jsonld.place_ld(place, self.request)
        return context


def topic_counts() -> tuple[dict[int, int], dict[int, int]]:
    """Published events and agreements per topic (by topic id)."""
    return tuple(
        selectors.count_by(model.objects.published(), "topics") for model in (Event, Agreement)
    )


class TopicListView(TemplateView):
    """Every published topic as a tree, each with how many published events and agreements
    it has."""

    template_name = "events/topic_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events, agreements = caching.cached("topic-counts", topic_counts)
        topics = list(Topic.objects.published().order_by("name"))
        children: dict[int | None, list[Topic]] = {}
        shown = {t.pk for t in topics}
        for topic in topics:
            topic.event_count = events.get(topic.pk, 0)
            topic.agreement_count = agreements.get(topic.pk, 0)
            parent = topic.parent_id if topic.parent_id in shown else None
            children.setdefault(parent, []).append(topic)
        for topic in topics:
            topic.subtopics = children.get(topic.pk, [])
        context["topics"] = children.get(None, [])
        return context


class IndicatorListView(ListView):
    template_name = "events/indicator_list.html"
    context_object_name = "indicators"

    def get_queryset(self):
        counts = caching.cached(
            "figure-counts",
            lambda: selectors.count_by(Figure.objects.published(), "indicator"),
        )
        indicators = list(Indicator.objects.published().order_by("name"))
        for indicator in indicators:
            indicator.figure_count = counts.get(indicator.pk, 0)
        return indicators


class IndicatorDetailView(VisibleToUserMixin, DetailView):
    model = Indicator
    template_name = "events/indicator_detail.html"

    def get_queryset(self):
        return Indicator.objects.visible_to(self.request.user).prefetch_related(
            selectors.published_citations()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator = self.object
        rows = list(figures.published_figures().filter(indicator=indicator))
        context["notes"] = figures.FigureNotes(rows, own=indicator.citations.all())
        context["panels"] = figures.indicator_panels(indicator, rows)
        context["differences"] = figures.differences(rows)
        context["csv_url"] = figures.csv_url(indicator=indicator.slug)
        context["ld"] = jsonld.indicator_ld(indicator, self.request, context["csv_url"])
        return context


class RelationView(TemplateView):
    """Everything two states share: meetings, agreements and figures, year by year."""

    template_name = "events/relation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = Organization.objects.published().states()
        first = get_object_or_404(states, slug=kwargs["first"])
        second = get_object_or_404(states, slug=kwargs["second"])
        if first == second:
            raise Http404("A relation is between two different states.")
        context.update(first=first, second=second, relation_title=f"{first.name} and {second.name}")
        # The same for every reader: read and drawn once per content version (the page lists
        # up to 100 events with their delegations; drawing them is most of its cost).
        context["relation_html"] = mark_safe(
            caching.cached(
                f"relation-page:{first.pk}:{second.pk}", lambda: _relation_html(first, second)
            )
        )
        # One address per pair for search engines, whichever order a link used.
        ordered = sorted((first, second), key=lambda o: o.slug)
        context["canonical_path"] = reverse(
            "site:relation", kwargs={"first": ordered[0].slug, "second": ordered[1].slug}
        )
        context["ld"] = jsonld.relation_ld(*ordered, self.request, context["canonical_path"])
        return context


def _relation_html(first: Organization, second: Organization) -> str:
    relation = relations.between(first, second)
    context = {
        "relation": relation,
        "notes": relation.notes,
        "panels": relation.panels,
        "differences": relation.differences,
    }
    return render_to_string("events/_relation.html", context)


class FeedsView(TemplateView):
    """How to follow Caravan: the feeds and calendars, all and per state, and how to use them."""

    template_name = "events/feeds.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["states"] = Organization.objects.published().states().order_by("name")
        return context
