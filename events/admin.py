"""Admin for the records: configuration only; behaviour lives in services and models."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextInputWidget
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q

from cmsproject.editorial.admin import GenericRowInline, PublishableAdmin, RowInline
from cmsproject.editorial.autocomplete import SafeAutocompleteMixin
from sources.admin import CitationInline

from .admin_drafting import EventDraftingMixin
from .admin_merge import MergeDuplicatesMixin
from .models import (
    Agreement,
    AgreementAlias,
    Event,
    EventImage,
    EventSeries,
    Figure,
    Identifier,
    Indicator,
    Organization,
    OrganizationAlias,
    Participation,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    Position,
    Signatory,
    Topic,
)

ALIAS_FIELDS = ["name", "kind", "language", "valid_from", "valid_to"]


class IdentifierFormSet(BaseGenericInlineFormSet):
    """Each row knows its record's type before it is checked, so the model's own rule (one
    record per identifier, :meth:`Identifier.clean`) is said beside the row; the formset adds
    what no single row can see: the same identifier given twice."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.content_type = ContentType.objects.get_for_model(type(self.instance))
        form.instance.object_id = self.instance.pk
        return form

    def clean(self) -> None:
        super().clean()
        seen: set[tuple[str, str]] = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or form.errors:
                continue
            key = (data["scheme"], form.instance.value)
            if key in seen:
                form.add_error("value", "This identifier is given twice.")
            seen.add(key)


class IdentifierInline(GenericRowInline):
    """The record in other datasets: Wikidata QID, ISO code, GeoNames, UN treaty number…"""

    model = Identifier
    formset = IdentifierFormSet
    extra = 0
    fields = ["scheme", "value"]
    verbose_name = "external identifier"
    verbose_name_plural = "external identifiers (Wikidata, ISO 3166, GeoNames, UN treaties…)"


class CountryFilter(admin.SimpleListFilter):
    """Filter records by a state they involve; each admin says which lookups mean "involves"."""

    title = "country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return list(Organization.objects.states().values_list("iso_code", "name"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        lookups = getattr(self, "country_lookups", [])
        condition = Q()
        for lookup in lookups:
            condition |= Q(**{lookup: self.value()})
        return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))


def country_filter(*lookups: str) -> type[CountryFilter]:
    return type("CountryFilter", (CountryFilter,), {"country_lookups": list(lookups)})


# ---- organizations and places -------------------------------------------------------------


class OrganizationAliasInline(RowInline):
    model = OrganizationAlias
    fields = ALIAS_FIELDS
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(MergeDuplicatesMixin, PublishableAdmin):
    list_display = ["name", "status_badge", "short_name", "kind", "iso_code", "parent"]
    list_filter = ["status", "kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "iso_code", "aliases__name"]
    autocomplete_fields = ["parent", "members"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganizationAliasInline, CitationInline, IdentifierInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "short_name",
                    "slug",
                    "kind",
                    "iso_code",
                    "parent",
                    "members",
                    "founded_on",
                    "website",
                    "description",
                ]
            },
        ),
    ]


class PlaceAliasInline(RowInline):
    model = PlaceAlias
    fields = ALIAS_FIELDS
    extra = 0


@admin.register(Place)
class PlaceAdmin(MergeDuplicatesMixin, PublishableAdmin):
    list_display = ["name", "status_badge", "country", "latitude", "longitude"]
    list_filter = ["status", country_filter("country__iso_code")]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PlaceAliasInline, CitationInline, IdentifierInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "country", "latitude", "longitude", "description"]}),
    ]


# ---- people -------------------------------------------------------------------------------


class PersonAliasInline(RowInline):
    model = PersonAlias
    fields = ALIAS_FIELDS
    extra = 0


class PositionRowForm(forms.ModelForm):
    """Nine columns share the row: the office's title gets the most of it (the admin
    stylesheet lets each field fill its column, in proportion to these sizes)."""

    class Meta:
        widgets = {
            "title": AdminTextInputWidget(attrs={"size": 40}),
            "note": AdminTextInputWidget(attrs={"size": 16}),
        }


class PositionInline(RowInline):
    model = Position
    form = PositionRowForm
    fields = [
        "title",
        "role",
        "organization",
        "is_acting",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "note",
    ]
    autocomplete_fields = ["organization"]
    extra = 0


@admin.register(Person)
class PersonAdmin(MergeDuplicatesMixin, PublishableAdmin):
    list_display = ["name", "status_badge", "native_name", "country", "current_office"]
    list_filter = ["status", country_filter("country__iso_code")]
    list_select_related = ["country"]
    search_fields = ["name", "native_name", "aliases__name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, PositionInline, CitationInline, IdentifierInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "sort_name",
                    "native_name",
                    "country",
                    "born_on",
                    "biography",
                ]
            },
        ),
        (
            "Portrait",
            {"fields": ["portrait", "portrait_alt", "portrait_credit"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("positions", queryset=Position.objects.select_related("organization"))
            )
        )

    @admin.display(description="office today")
    def current_office(self, obj: Person) -> str:
        today = datetime.date.today()
        held = [
            p
            for p in obj.positions.all()
            if (p.start_date is None or p.start_date <= today)
            and (p.end_date is None or p.end_date >= today)
        ]
        held.sort(key=lambda p: p.rank)
        return held[0].label if held else ""


@admin.register(Position)
class PositionAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    """Offices across all people: who held what, when. Read-only: offices are edited on the
    person's page, under the same workflow as the person."""

    list_display = ["person", "title", "organization", "role", "start_date", "end_date"]
    list_filter = ["role", country_filter("organization__iso_code")]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "person__aliases__name", "title"]
    date_hierarchy = "start_date"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


# ---- events -------------------------------------------------------------------------------


class ParticipationInline(RowInline):
    model = Participation
    fields = ["person", "representing", "role", "order"]
    autocomplete_fields = ["person", "representing"]
    extra = 0


class EventImageInline(RowInline):
    model = EventImage
    fields = ["image", "alt_text", "caption", "credit", "order"]
    extra = 0


@admin.register(EventSeries)
class EventSeriesAdmin(PublishableAdmin):
    list_display = ["name", "status_badge", "slug"]
    list_filter = ["status"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]})]


@admin.register(Event)
class EventAdmin(EventDraftingMixin, MergeDuplicatesMixin, PublishableAdmin):
    # held online and series are filters; a column each pushed the status out of view
    list_display = ["title", "status_badge", "start_date", "kind", "place"]
    list_filter = [
        "status",
        "kind",
        country_filter(
            "participations__representing__iso_code", "host__iso_code", "place__country__iso_code"
        ),
        "series",
        "is_online",
        "start_date",
    ]
    list_select_related = ["place"]
    search_fields = ["title", "summary", "series__name", "place__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["series", "place", "host", "parent", "topics"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipationInline, EventImageInline, CitationInline, IdentifierInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    ("series", "ordinal"),
                    ("start_date", "end_date", "date_precision"),
                    ("place", "is_online"),
                    "host",
                    "parent",
                    "topics",
                    "summary",
                ]
            },
        ),
    ]


# ---- agreements and topics -----------------------------------------------------------------


class AgreementAliasInline(RowInline):
    model = AgreementAlias
    fields = ALIAS_FIELDS
    extra = 0


class SignatoryInline(RowInline):
    model = Signatory
    fields = ["person", "on_behalf_of", "order"]
    autocomplete_fields = ["person", "on_behalf_of"]
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    # "signed at" (an event's whole title) is on the agreement's page
    list_display = ["title", "status_badge", "signed_on", "kind", "legal_status"]
    list_filter = [
        "status",
        "kind",
        "legal_status",
        country_filter("parties__iso_code"),
        "signed_on",
    ]
    search_fields = ["title", "aliases__name", "summary"]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["signed_at", "place", "parties", "topics"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AgreementAliasInline, SignatoryInline, CitationInline, IdentifierInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "signed_on",
                    "signed_at",
                    "place",
                    "parties",
                    ("legal_status", "entry_into_force", "expires_on"),
                    "text_url",
                    "topics",
                    "summary",
                ]
            },
        ),
    ]


@admin.register(Topic)
class TopicAdmin(PublishableAdmin):
    list_display = ["name", "status_badge", "parent"]
    list_filter = ["status", ("parent", admin.EmptyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "parent", "description"]}),
    ]


# ---- figures ------------------------------------------------------------------------------


@admin.register(Indicator)
class IndicatorAdmin(PublishableAdmin):
    list_display = ["name", "status_badge", "unit", "symmetric"]
    list_filter = ["status", "symmetric"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CitationInline]
    fieldsets = [(None, {"fields": ["name", "slug", "unit", "symmetric", "description"]})]


@admin.register(Figure)
class FigureAdmin(PublishableAdmin):
    list_display = ["__str__", "status_badge", "value_display", "period_start", "period_end"]
    list_filter = ["status", "indicator", country_filter("party__iso_code", "partner__iso_code")]
    list_select_related = ["indicator", "party", "partner"]
    search_fields = ["indicator__name", "party__name", "partner__name", "note"]
    date_hierarchy = "period_start"
    autocomplete_fields = ["indicator", "party", "partner"]
    inlines = [CitationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "indicator",
                    ("party", "partner"),
                    ("period_start", "period_end"),
                    ("value", "unit"),
                    "note",
                    "slug",
                ]
            },
        ),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "slug" in form.base_fields:
            form.base_fields["slug"].required = False
            form.base_fields[
                "slug"
            ].help_text = "Left empty, it is made from the indicator, the two sides and the period."
        return form

    @admin.display(description="value")
    def value_display(self, obj: Figure) -> str:
        return obj.value_display


from . import admin_mentions  # noqa: E402,F401  (suggestions, and the source page with them)
