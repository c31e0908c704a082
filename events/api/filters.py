"""Filters of the API lists (django-filter), named as DESIGN.md's API contract names them.

The events, agreements and people FilterSets extend the public list pages' (events/filters.py),
so a filter both have (``country``, ``kind``, ``topic``, ``party``, ``year``…) means the same in
both places; the API adds dates, search, ordering and the editors' ``status``.

``search`` matches names and every alias (transliterations, misspellings, former names), with
diacritics folded through the search index: "Zhaparov" and "Caparov" find Sadyr Japarov.
"""

from __future__ import annotations

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, Q, QuerySet
from rest_framework import exceptions

from cmsproject.editorial.api import (
    OrderingFilter,
    RecordFilterSet,
    SlugFilter,
    StateFilter,
    visible_choices,
)
from cmsproject.editorial.filtering import CodeOrSlugChoiceField
from cmsproject.editorial.visibility import seen_along

from .. import filters as shared
from ..models import (
    Agreement,
    AgreementAlias,
    Event,
    Figure,
    Identifier,
    Indicator,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    SearchEntry,
    Topic,
    identifiers,
)
from ..search import KIND_OF, query_words, strip_marks

SEARCH_HELP = (
    "Words that must all occur in the {what} (any case, accents ignored; beginnings of words "
    "count)."
)
DATE_HELP = "{what} on or {side} this date (YYYY-MM-DD)."


def search_words(
    queryset: QuerySet,
    value: str,
    *,
    fields: tuple[str, ...],
    alias: tuple[type[Model], str] | None = None,
    use_index: bool = True,
) -> QuerySet:
    """Records in which every word of ``value`` occurs in one of ``fields``, an alias, or the
    record's search entry (published records, diacritics folded)."""
    model = queryset.model
    kind = KIND_OF.get(model) if use_index else None
    for word in query_words(value):
        match = Q()
        for field in fields:
            match |= Q(**{f"{field}__icontains": word}) & seen_along(model, field)
        if alias is not None:
            alias_model, fk = alias
            match |= Q(pk__in=alias_model.objects.filter(name__icontains=word).values(fk))
        if kind is not None:
            folded = strip_marks(word)
            entries = SearchEntry.objects.filter(kind=kind).filter(
                Q(title__icontains=folded) | Q(body__icontains=folded)
            )
            match |= Q(pk__in=entries.values("object_id"))
        queryset = queryset.filter(match)
    return queryset


class IdentifiedFilter(django_filters.FilterSet):
    """``?identifier=wikidata:Q15031``: the records another dataset knows by that identifier
    (several, comma-separated, give the records carrying any of them — one request to join a
    batch)."""

    identifier = django_filters.CharFilter(
        method="filter_identifier",
        help_text=(
            "An external identifier as scheme:value (schemes: "
            + ", ".join(identifiers.SCHEMES)
            + "), e.g. wikidata:Q15031; several comma-separated match any."
        ),
    )

    def filter_identifier(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        wanted = Q()
        for text in value.split(","):
            try:
                scheme, code = identifiers.parse(text)
            except ValueError as exc:
                raise exceptions.ValidationError({"identifier": [str(exc)]}) from exc
            wanted |= Q(scheme=scheme, value=code)
        rows = Identifier.objects.filter(
            wanted, content_type=ContentType.objects.get_for_model(queryset.model)
        )
        return queryset.filter(pk__in=rows.values("object_id"))


class EventFilter(IdentifiedFilter, RecordFilterSet, shared.EventFilter):
    person = SlugFilter(
        queryset=visible_choices(Person),
        method="filter_person",
        help_text="Events this person took part in (the person's slug, e.g. wang-yi).",
    )
    start_after = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="gte",
        help_text=DATE_HELP.format(what="Starting", side="after"),
    )
    start_before = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="lte",
        help_text=DATE_HELP.format(what="Starting", side="before"),
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text=SEARCH_HELP.format(what="title, summary or series"),
    )
    ordering = OrderingFilter(
        fields=(("start_date", "start_date"), ("title", "title"), ("updated_at", "updated_at")),
        help_text="Sort by start_date, title or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Event
        fields = []

    def filter_person(self, queryset, name: str, value: Person):
        return queryset.filter(
            pk__in=Event.objects.filter(participations__person=value).values("pk")
        )

    def filter_search(self, queryset, name: str, value: str):
        return search_words(
            queryset, value, fields=("title", "summary", "series__name"), use_index=False
        )


class PersonFilter(IdentifiedFilter, RecordFilterSet, shared.PersonFilter):
    organization = SlugFilter(
        queryset=visible_choices(Organization),
        method="filter_organization",
        help_text=(
            "People who held a position at this organization or represented it at an event "
            "(its slug)."
        ),
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text=SEARCH_HELP.format(what="name, native-script name or any alias"),
    )
    ordering = OrderingFilter(
        fields=(("sort_name", "sort_name"), ("name", "name"), ("updated_at", "updated_at")),
        help_text="Sort by sort_name, name or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Person
        fields = []

    def filter_organization(self, queryset, name: str, value: Organization):
        return queryset.filter(
            Q(pk__in=Person.objects.filter(positions__organization=value).values("pk"))
            | Q(pk__in=Person.objects.filter(participations__representing=value).values("pk"))
        )

    def filter_search(self, queryset, name: str, value: str):
        return search_words(
            queryset,
            value,
            fields=("name", "sort_name", "native_name"),
            alias=(PersonAlias, "person_id"),
        )


class OrganizationFilter(IdentifiedFilter, RecordFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Organization.Kind.choices, help_text="The kind of organization (state, igo…)."
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text=SEARCH_HELP.format(what="name, short name, ISO code or any alias"),
    )
    ordering = OrderingFilter(
        fields=(("name", "name"), ("updated_at", "updated_at")),
        help_text="Sort by name or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Organization
        fields = []

    def filter_search(self, queryset, name: str, value: str):
        return search_words(
            queryset,
            value,
            fields=("name", "short_name", "iso_code"),
            alias=(OrganizationAlias, "organization_id"),
        )


class PlaceFilter(IdentifiedFilter, RecordFilterSet):
    country = StateFilter(
        queryset=shared.states, help_text=f"Places in this state. {shared.STATE_HELP}"
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text=SEARCH_HELP.format(what="name or any former or other name"),
    )
    ordering = OrderingFilter(
        fields=(("name", "name"), ("updated_at", "updated_at")),
        help_text="Sort by name or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Place
        fields = []

    def filter_search(self, queryset, name: str, value: str):
        return search_words(queryset, value, fields=("name",), alias=(PlaceAlias, "place_id"))


class AgreementFilter(IdentifiedFilter, RecordFilterSet, shared.AgreementFilter):
    signed_after = django_filters.DateFilter(
        field_name="signed_on",
        lookup_expr="gte",
        help_text=DATE_HELP.format(what="Signed", side="after"),
    )
    signed_before = django_filters.DateFilter(
        field_name="signed_on",
        lookup_expr="lte",
        help_text=DATE_HELP.format(what="Signed", side="before"),
    )
    event = SlugFilter(
        queryset=visible_choices(Event),
        field_name="signed_at",
        help_text="Agreements signed at this event (its slug).",
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text=SEARCH_HELP.format(what="title, summary or any other name of the agreement"),
    )
    ordering = OrderingFilter(
        fields=(("signed_on", "signed_on"), ("title", "title"), ("updated_at", "updated_at")),
        help_text="Sort by signed_on, title or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Agreement
        fields = []

    def filter_search(self, queryset, name: str, value: str):
        return search_words(
            queryset, value, fields=("title", "summary"), alias=(AgreementAlias, "agreement_id")
        )


class DescribedRecordFilter(RecordFilterSet):
    """Search by name or description and sort by name: records known by a name and a text."""

    search = django_filters.CharFilter(
        method="filter_search", help_text=SEARCH_HELP.format(what="name or description")
    )
    ordering = OrderingFilter(
        fields=(("name", "name"), ("updated_at", "updated_at")),
        help_text="Sort by name or updated_at; prefix - for descending.",
    )

    def filter_search(self, queryset, name: str, value: str):
        return search_words(queryset, value, fields=("name", "description"))


class TopicFilter(DescribedRecordFilter):
    parent = SlugFilter(
        queryset=visible_choices(Topic),
        help_text="Sub-topics of this topic (its slug).",
    )

    class Meta:
        model = Topic
        fields = []


class IndicatorFilter(DescribedRecordFilter):
    class Meta:
        model = Indicator
        fields = []


class FigureFilter(RecordFilterSet):
    indicator = SlugFilter(
        queryset=visible_choices(Indicator), help_text="Figures of this indicator (its slug)."
    )
    party = StateFilter(
        queryset=visible_choices(Organization),
        help_text=(
            "Figures from this side: ISO 3166 alpha-3 code (KAZ) or slug of a state or body."
        ),
    )
    partner = StateFilter(
        queryset=visible_choices(Organization),
        help_text="Figures about this partner: ISO 3166 alpha-3 code (CHN) or slug.",
    )
    involving = StateFilter(
        queryset=visible_choices(Organization),
        method="filter_involving",
        help_text="Figures with this state or body on either side: code (KAZ) or slug.",
    )
    between = django_filters.CharFilter(
        method="filter_between",
        help_text=(
            "Figures between two sides, whichever reports: two codes or slugs separated by a "
            "comma, e.g. KAZ,CHN."
        ),
    )
    period_after = django_filters.DateFilter(
        field_name="period_end",
        lookup_expr="gte",
        help_text="Figures whose period ends on or after this date (YYYY-MM-DD).",
    )
    period_before = django_filters.DateFilter(
        field_name="period_start",
        lookup_expr="lte",
        help_text="Figures whose period starts on or before this date (YYYY-MM-DD).",
    )
    ordering = OrderingFilter(
        fields=(
            ("period_start", "period_start"),
            ("value", "value"),
            ("updated_at", "updated_at"),
        ),
        help_text="Sort by period_start, value or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Figure
        fields = []

    def filter_involving(self, queryset, name: str, value: Organization):
        return queryset.filter(Q(party=value) | Q(partner=value))

    def filter_between(self, queryset, name: str, value: str):
        codes = [v for v in (part.strip() for part in value.split(",")) if v]
        if len(codes) != 2:
            raise exceptions.ValidationError(
                {"between": [f"Give two sides separated by a comma, e.g. KAZ,CHN (got “{value}”)."]}
            )
        field = CodeOrSlugChoiceField(queryset=visible_choices(Organization)(self.request))
        try:
            first, second = (field.clean(code) for code in codes)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError({"between": exc.messages}) from exc
        return queryset.filter(Q(party=first, partner=second) | Q(party=second, partner=first))
