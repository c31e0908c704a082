"""Public pages of the records: lists and detail pages, published records only."""

from __future__ import annotations

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from cmsproject.views import VisibleToUserMixin
from sources.models import Citation

from .models import Agreement, Event, Organization, Participation, Person, Position, Topic


def published_citations() -> Prefetch:
    return Prefetch(
        "citations",
        queryset=Citation.objects.published_sources().select_related("source__outlet"),
    )


class EventListView(ListView):
    template_name = "events/event_list.html"
    paginate_by = 30

    def get_queryset(self):
        return Event.objects.published().select_related("place", "series")


class EventDetailView(VisibleToUserMixin, DetailView):
    model = Event
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("place__country", "series", "host", "parent")
            .prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.filter(
                        person__status="published"
                    ).select_related("person", "representing"),
                ),
                published_citations(),
            )
        )


class PersonListView(ListView):
    template_name = "events/person_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Person.objects.published().select_related("country")


class PersonDetailView(VisibleToUserMixin, DetailView):
    model = Person
    template_name = "events/person_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("country")
            .prefetch_related(
                Prefetch("positions", queryset=Position.objects.select_related("organization")),
                published_citations(),
            )
        )


class OrganizationListView(ListView):
    template_name = "events/organization_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Organization.objects.published()


class OrganizationDetailView(VisibleToUserMixin, DetailView):
    model = Organization
    template_name = "events/organization_detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related(published_citations())


class AgreementListView(ListView):
    template_name = "events/agreement_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Agreement.objects.published().select_related("signed_at", "place")


class AgreementDetailView(VisibleToUserMixin, DetailView):
    model = Agreement
    template_name = "events/agreement_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch("parties", queryset=Organization.objects.published()),
                published_citations(),
            )
        )


class TopicDetailView(VisibleToUserMixin, DetailView):
    model = Topic
    template_name = "events/topic_detail.html"
