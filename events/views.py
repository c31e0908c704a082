"""Public pages of the records: lists with filters and detail pages, published records only."""

from __future__ import annotations

from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from cmsproject.editorial.views import VisibleToUserMixin
from cmsproject.pagination import CachedCountPaginator
from sources.notes import Notes

from . import figures, geography, jsonld, relations, selectors
from .filters import AgreementFilter, EventFilter, PersonFilter
from .models import Agreement, Event, Organization, Person, Topic


class NotesMixin:
    """Puts the record's numbered source notes in the context as ``notes``."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notes"] = Notes(self.object.citations.all())
        return context


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = {**super().get_context_data(**kwargs), **selectors.home_context()}
        context["ld"] = jsonld.website_ld(self.request)
        return context


class EventListView(FilterView):
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    paginate_by = 30
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return selectors.event_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = selectors.with_delegations(list(context["object_list"]))
        context["years"] = selectors.by_year(events)
        return context


class EventDetailView(VisibleToUserMixin, NotesMixin, DetailView):
    model = Event
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return selectors.event_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participant_groups"] = selectors.participants_by_state(self.object)
        context["parent"] = self.object.parent
        context["place"] = self.object.place
        if context["place"] is not None:
            context["map"] = geography.events_map(
                [context["place"]],
                title=f"{context['place'].name} on the map",
                description=f"A map of China and Central Asia with {context['place'].name}, "
                "where the event took place, marked.",
                key="event",
            )
        context["delegations"] = relations.series_delegations(self.object.series)
        context["ld"] = jsonld.event_ld(self.object, self.request, context["participant_groups"])
        return context


class PersonListView(FilterView):
    filterset_class = PersonFilter
    template_name = "events/person_list.html"
    paginate_by = 50
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return Person.objects.published().select_related("country")


class PersonDetailView(VisibleToUserMixin, NotesMixin, DetailView):
    model = Person
    template_name = "events/person_detail.html"

    def get_queryset(self):
        return selectors.person_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["country"] = self.object.country
        context["ld"] = jsonld.person_ld(self.object, self.request)
        return context


class OrganizationListView(FilterView):
    model = Organization
    template_name = "events/organization_list.html"
    filterset_fields = ["kind"]
    paginate_by = 100
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return Organization.objects.published().order_by("kind", "name")


class OrganizationDetailView(VisibleToUserMixin, NotesMixin, DetailView):
    model = Organization
    template_name = "events/organization_detail.html"

    def get_queryset(self):
        return selectors.organization_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        context["ld"] = jsonld.organization_ld(org, self.request)
        context["office_holders"] = selectors.office_holders(org)
        context["offices"] = selectors.offices_by_role(context["office_holders"])
        if org.is_state:
            rows = list(figures.figures_involving(org))
            context["notes"] = figures.FigureNotes(rows, own=org.citations.all())
            context["figure_panels"] = figures.state_panels(org, rows)
            context["map"] = geography.events_map(
                geography.state_places(org),
                title=f"Where {org.name}'s events took place",
                description=f"A map of China and Central Asia; each circle is a place of "
                f"published events {org.name} took part in, larger for more events.",
                key="state",
            )
            context["differences"] = figures.differences(rows)
            context["activity"] = selectors.state_activity(org)
            context["events"] = selectors.latest_events_of_state(org)
            context["agreements"] = (
                Agreement.objects.published()
                .filter(parties=org)
                .order_by("-signed_on")[: selectors.STATE_EVENTS_SHOWN]
            )
        else:
            context["events"] = selectors.event_list().filter(host=org)[:50]
            context["agreements"] = Agreement.objects.published().filter(parties=org)[:50]
        return context


class AgreementListView(FilterView):
    filterset_class = AgreementFilter
    template_name = "events/agreement_list.html"
    paginate_by = 50
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return (
            Agreement.objects.published()
            .select_related("signed_at")
            .prefetch_related(Prefetch("parties", queryset=Organization.objects.published()))
        )


class AgreementDetailView(VisibleToUserMixin, NotesMixin, DetailView):
    model = Agreement
    template_name = "events/agreement_detail.html"

    def get_queryset(self):
        return selectors.agreement_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signed_at"] = self.object.signed_at
        context["place"] = self.object.place
        context["ld"] = jsonld.agreement_ld(self.object, self.request)
        return context


class TopicDetailView(VisibleToUserMixin, NotesMixin, DetailView):
    model = Topic
    template_name = "events/topic_detail.html"

    def get_queryset(self):
        return Topic.objects.visible_to(self.request.user).prefetch_related(
            Prefetch("children", queryset=Topic.objects.published()),
            selectors.published_citations(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = self.object
        context["events"] = selectors.event_list().filter(topics=topic)[:50]
        context["agreements"] = Agreement.objects.published().filter(topics=topic)[:50]
        context["parent"] = topic.parent
        context["ld"] = jsonld.topic_ld(topic, self.request)
        return context


class SearchView(TemplateView):
    """The search page: ``q`` the words, ``type`` one kind of record (every kind without it)."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        from .search import KINDS, MAX_QUERY, find_records, query_words

        query = self.request.GET.get("q", "")
        wanted = self.request.GET.get("type", "").strip()
        kind = wanted if wanted in KINDS else None
        results = find_records(query, kind=kind)
        context = super().get_context_data(**kwargs)
        context["query"] = query[:MAX_QUERY]
        context["too_long"] = len(query) > MAX_QUERY
        context["has_words"] = bool(query_words(query))
        context["results"] = results
        context["unknown_type"] = wanted[:40] if wanted and kind is None else ""
        return context
