"""Serializers of events, people, organizations, places, agreements and topics.

List serializers are lean; detail serializers add related records as ``{slug, name, url}``
(drafts left out for readers, see :class:`cmsproject.editorial.api.RecordLink`) and the citations.
Details are also what clients write: relations by slug, child lists (aliases, positions,
participants, signatories, citations) replaced as a whole when given.
"""

from __future__ import annotations

from rest_framework import serializers

from cmsproject.editorial.api import (
    RecordLink,
    RecordSerializer,
    VisibleChildList,
    link_name,
    sync_children,
)
from sources.api.serializers import CitedSerializer

from ..models import (
    Agreement,
    AgreementAlias,
    Event,
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
from ..models.identifiers import SCHEMES

STATES = Organization.objects.states()
ALIAS_FIELDS = ["name", "kind", "language", "valid_from", "valid_to"]
RECORD_FIELDS = [
    *("status", "published_at", "go_live_at", "expire_at", "created_at", "updated_at"),
    "editor_note",
]


def named_with(name: str, details: list[str]) -> str:
    """A CSV cell's reading of a child row: "name (detail, detail)"."""
    details = [d for d in details if d]
    return f"{name} ({', '.join(details)})" if details else name


def span(start: str | None, end: str | None, *, open_end: str = "") -> str:
    """ "2019-03-23 – 2022-09-17", "2023-07-25 – today"; "" when neither is known."""
    if not start and not end:
        return ""
    if not end and not open_end:
        return f"from {start}"
    return f"{start or '?'} – {end or open_end}".strip()


def alias_serializer(alias_model):
    class AliasSerializer(serializers.ModelSerializer):
        class Meta:
            model = alias_model
            fields = ALIAS_FIELDS
            validators = []

        def csv_text(self, item: dict, *, number: int) -> str:
            """ "Nur-Sultan (former, 2019-03-23 – 2022-09-17)", "王毅 (native, zh)"."""
            when = span(item.get("valid_from"), item.get("valid_to"))
            return named_with(item["name"], [item.get("kind"), item.get("language"), when])

    AliasSerializer.__name__ = f"{alias_model.__name__}Serializer"
    return AliasSerializer


class ChildListMixin:
    """Writes a record's child list (``save_<name>``) by :func:`sync_children`."""

    def sync(self, instance, *, manager: str, items, key, make, ordered: bool = True) -> None:
        sync_children(
            manager=getattr(instance, manager),
            items=items,
            key=key,
            make=make,
            user=self.context["request"].user,
            extra=(lambda order: {"order": order}) if ordered else None,
        )


# --- external identifiers (people, organizations, places, events, agreements) ---------------


class IdentifierSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(
        help_text="The record's page in that dataset (null where the scheme has none)."
    )

    class Meta:
        model = Identifier
        fields = ["scheme", "value", "url"]
        validators = []

    def get_url(self, identifier: Identifier) -> str | None:
        return identifier.url or None

    def csv_text(self, item: dict, *, number: int) -> str:
        """ "wikidata:Q15031", as the ``identifier`` filter takes it."""
        return f"{item['scheme']}:{item['value']}"


class IdentifiedSerializer(serializers.Serializer):
    """A record with its external identifiers (wikidata:Q…, iso3166-1-alpha-3:KAZ…), readable
    and, as a whole list, writable."""

    identifiers = IdentifierSerializer(
        many=True,
        required=False,
        help_text="The record in other datasets (Wikidata, ISO 3166, GeoNames, UN treaties…). "
        "Writing replaces the whole list.",
    )

    def validate_identifiers(self, items: list[dict]) -> list[dict]:
        seen: set[tuple[str, str]] = set()
        errors: dict[int, dict] = {}
        for order, item in enumerate(items):
            item["value"] = SCHEMES[item["scheme"]].normalise(item["value"])
            key = (item["scheme"], item["value"])
            if key in seen:
                errors[order] = {"value": ["This identifier is given twice."]}
            seen.add(key)
        if errors:
            raise serializers.ValidationError(errors)
        return items

    def save_identifiers(self, instance, items: list[dict]) -> None:
        sync_children(
            manager=instance.identifiers,
            items=items,
            key=("scheme", "value"),
            make=lambda: Identifier(record=instance),
            user=self.context["request"].user,
        )


# --- topics ----------------------------------------------------------------------------------


class AliasesMixin:
    """Saves a record's ``aliases`` list: matched by name, order kept as stored."""

    alias_model: type = None

    def save_aliases(self, instance, items) -> None:
        parent = next(
            f.name
            for f in self.alias_model._meta.fields
            if f.is_relation and f.related_model is type(instance)
        )
        self.sync(
            instance,
            manager="aliases",
            items=items,
            key=("name",),
            make=lambda: self.alias_model(**{parent: instance}),
            ordered=False,
        )


class TopicListSerializer(RecordSerializer):
    parent = RecordLink(queryset=Topic.objects.all(), required=False, allow_null=True)

    class Meta(RecordSerializer.Meta):
        model = Topic
        fields = ["slug", "name", "parent", "url", "api_url"]


class TopicSerializer(CitedSerializer, TopicListSerializer):
    children = RecordLink(many=True, read_only=True)

    class Meta(TopicListSerializer.Meta):
        fields = [*TopicListSerializer.Meta.fields, "description", "children", "citations"]
        fields += RECORD_FIELDS
        nested = ("citations",)


# --- organizations and places ----------------------------------------------------------------


class OrganizationListSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Organization
        fields = ["slug", "name", "short_name", "kind", "iso_code", "url", "api_url"]


class OrganizationSerializer(
    AliasesMixin, ChildListMixin, IdentifiedSerializer, CitedSerializer, OrganizationListSerializer
):
    parent = RecordLink(queryset=Organization.objects.all(), required=False, allow_null=True)
    members = RecordLink(queryset=Organization.objects.all(), many=True, required=False)
    member_of = RecordLink(many=True, read_only=True)
    children = RecordLink(many=True, read_only=True)
    aliases = alias_serializer(OrganizationAlias)(many=True, required=False)

    class Meta(OrganizationListSerializer.Meta):
        fields = [
            *OrganizationListSerializer.Meta.fields,
            "parent",
            "members",
            "member_of",
            "children",
            "founded_on",
            "website",
            "description",
            "aliases",
            "identifiers",
            "citations",
            *RECORD_FIELDS,
        ]
        many_to_many = ("members",)
        nested = ("aliases", "citations", "identifiers")

    alias_model = OrganizationAlias


class PlaceListSerializer(RecordSerializer):
    country = RecordLink(queryset=STATES)

    class Meta(RecordSerializer.Meta):
        model = Place
        fields = ["slug", "name", "country", "latitude", "longitude", "url", "api_url"]


class PlaceSerializer(
    AliasesMixin, ChildListMixin, IdentifiedSerializer, CitedSerializer, PlaceListSerializer
):
    aliases = alias_serializer(PlaceAlias)(
        many=True, required=False, help_text="Other names, e.g. former names with their dates."
    )

    class Meta(PlaceListSerializer.Meta):
        fields = [
            *PlaceListSerializer.Meta.fields,
            "description",
            "aliases",
            "identifiers",
            "citations",
        ]
        fields += RECORD_FIELDS
        nested = ("aliases", "citations", "identifiers")

    alias_model = PlaceAlias


# --- people ----------------------------------------------------------------------------------


class PositionSerializer(serializers.ModelSerializer):
    organization = RecordLink(queryset=Organization.objects.all())
    label = serializers.SerializerMethodField(help_text='e.g. "President of Kazakhstan".')

    class Meta:
        model = Position
        fields = [
            "organization",
            "role",
            "title",
            "is_acting",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "note",
            "label",
        ]
        validators = []
        list_serializer_class = VisibleChildList
        visible_through = ("organization",)

    def get_label(self, position) -> str:
        return position.label

    def csv_text(self, item: dict, *, number: int) -> str:
        """ "Minister of Foreign Affairs of China (2023-07-25 – today)"; the body is named when
        the label does not name it."""
        label, organization = (
            item.get("label") or item.get("title"),
            link_name(item["organization"]),
        )
        if organization and organization not in label:
            label = f"{label}, {organization}"
        when = span(item.get("start_date"), item.get("end_date"), open_end="today")
        return named_with(label, [when, item.get("note")])

    def validate(self, attrs):
        start, end = attrs.get("start_date"), attrs.get("end_date")
        if start and end and end < start:
            raise serializers.ValidationError(
                {"end_date": ["The end date cannot be before the start date."]}
            )
        return attrs


class PersonListSerializer(RecordSerializer):
    country = RecordLink(queryset=STATES, required=False, allow_null=True)

    class Meta(RecordSerializer.Meta):
        model = Person
        fields = ["slug", "name", "sort_name", "native_name", "country", "url", "api_url"]


class PersonSerializer(
    AliasesMixin, ChildListMixin, IdentifiedSerializer, CitedSerializer, PersonListSerializer
):
    portrait = serializers.ImageField(read_only=True)
    aliases = alias_serializer(PersonAlias)(
        many=True, required=False, help_text="Other spellings: transliterations, native script…"
    )
    positions = PositionSerializer(
        many=True, required=False, help_text="Offices held. Writing replaces the whole list."
    )
    events = RecordLink(many=True, read_only=True, label="title")

    class Meta(PersonListSerializer.Meta):
        fields = [
            *PersonListSerializer.Meta.fields,
            "born_on",
            "biography",
            "portrait",
            "portrait_credit",
            "portrait_alt",
            "aliases",
            "positions",
            "events",
            "identifiers",
            "citations",
            *RECORD_FIELDS,
        ]
        nested = ("aliases", "positions", "citations", "identifiers")

    alias_model = PersonAlias

    def save_positions(self, instance, items) -> None:
        self.sync(
            instance,
            manager="positions",
            items=items,
            key=("organization", "role", "start_date"),
            make=lambda: Position(person=instance),
            ordered=False,
        )


# --- events ----------------------------------------------------------------------------------


class ParticipantSerializer(serializers.ModelSerializer):
    person = RecordLink(queryset=Person.objects.all())
    representing = RecordLink(queryset=Organization.objects.all(), required=False, allow_null=True)
    label = serializers.SerializerMethodField(
        help_text="The role given, or the office the person held on the day."
    )

    class Meta:
        model = Participation
        fields = ["person", "representing", "role", "label"]
        validators = []
        list_serializer_class = VisibleChildList
        visible_through = ("person",)

    def get_label(self, participation) -> str:
        return participation.label

    def csv_text(self, item: dict, *, number: int) -> str:
        """ "Wang Yi (Minister of Foreign Affairs of China)"; whom they represented when the
        label does not say it."""
        label, representing = item.get("label") or "", link_name(item.get("representing"))
        details = [label]
        if representing and representing not in label:
            details.append(f"for {representing}")
        return named_with(link_name(item["person"]), details)


class EventListSerializer(RecordSerializer):
    place = RecordLink(queryset=Place.objects.all(), required=False, allow_null=True)

    class Meta(RecordSerializer.Meta):
        model = Event
        fields = [
            "slug",
            "title",
            "kind",
            "start_date",
            "end_date",
            "date_precision",
            "place",
            "is_online",
            "url",
            "api_url",
        ]


class EventSerializer(ChildListMixin, IdentifiedSerializer, CitedSerializer, EventListSerializer):
    series = RecordLink(queryset=EventSeries.objects.all(), required=False, allow_null=True)
    host = RecordLink(queryset=Organization.objects.all(), required=False, allow_null=True)
    parent = RecordLink(
        queryset=Event.objects.all(), label="title", required=False, allow_null=True
    )
    topics = RecordLink(queryset=Topic.objects.all(), many=True, required=False)
    participants = ParticipantSerializer(
        source="participations",
        many=True,
        required=False,
        help_text="Who took part, for whom. Writing replaces the whole list.",
    )
    agreements = RecordLink(many=True, read_only=True, label="title")
    sideline_events = RecordLink(many=True, read_only=True, label="title")
    date_display = serializers.CharField(read_only=True, help_text='e.g. "1 December 2023".')

    class Meta(EventListSerializer.Meta):
        fields = [
            *EventListSerializer.Meta.fields,
            "date_display",
            "series",
            "ordinal",
            "host",
            "parent",
            "summary",
            "topics",
            "participants",
            "agreements",
            "sideline_events",
            "identifiers",
            "citations",
            *RECORD_FIELDS,
        ]
        many_to_many = ("topics",)
        nested = ("participations", "citations", "identifiers")

    def save_participations(self, instance, items) -> None:
        self.sync(
            instance,
            manager="participations",
            items=items,
            key=("person",),
            make=lambda: Participation(event=instance),
        )


# --- agreements ------------------------------------------------------------------------------


class SignatorySerializer(serializers.ModelSerializer):
    person = RecordLink(queryset=Person.objects.all())
    on_behalf_of = RecordLink(queryset=Organization.objects.all())

    class Meta:
        model = Signatory
        fields = ["person", "on_behalf_of"]
        validators = []
        list_serializer_class = VisibleChildList
        visible_through = ("person", "on_behalf_of")

    def csv_text(self, item: dict, *, number: int) -> str:
        """ "Murat Nurtleu (for Kazakhstan)"."""
        on_behalf_of = link_name(item.get("on_behalf_of"))
        return named_with(link_name(item["person"]), [on_behalf_of and f"for {on_behalf_of}"])


class AgreementListSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Agreement
        fields = ["slug", "title", "kind", "signed_on", "legal_status", "url", "api_url"]


class AgreementSerializer(
    AliasesMixin, ChildListMixin, IdentifiedSerializer, CitedSerializer, AgreementListSerializer
):
    signed_at = RecordLink(
        queryset=Event.objects.all(), label="title", required=False, allow_null=True
    )
    place = RecordLink(queryset=Place.objects.all(), required=False, allow_null=True)
    parties = RecordLink(queryset=Organization.objects.all(), many=True, required=False)
    signatories = SignatorySerializer(
        many=True, required=False, help_text="Who signed for whom. Writing replaces the list."
    )
    topics = RecordLink(queryset=Topic.objects.all(), many=True, required=False)
    aliases = alias_serializer(AgreementAlias)(
        many=True, required=False, help_text="Other names the agreement goes by."
    )

    class Meta(AgreementListSerializer.Meta):
        fields = [
            *AgreementListSerializer.Meta.fields,
            "signed_at",
            "place",
            "parties",
            "signatories",
            "entry_into_force",
            "expires_on",
            "summary",
            "text_url",
            "topics",
            "aliases",
            "identifiers",
            "citations",
            *RECORD_FIELDS,
        ]
        many_to_many = ("parties", "topics")
        nested = ("signatories", "aliases", "citations", "identifiers")

    def save_signatories(self, instance, items) -> None:
        self.sync(
            instance,
            manager="signatories",
            items=items,
            key=("person", "on_behalf_of"),
            make=lambda: Signatory(agreement=instance),
        )

    alias_model = AgreementAlias


# --- figures ---------------------------------------------------------------------------------


class IndicatorListSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Indicator
        fields = ["slug", "name", "unit", "symmetric", "url", "api_url"]


class IndicatorSerializer(CitedSerializer, IndicatorListSerializer):
    class Meta(IndicatorListSerializer.Meta):
        fields = [*IndicatorListSerializer.Meta.fields, "description", "citations"]
        fields += RECORD_FIELDS
        nested = ("citations",)


class FigureListSerializer(RecordSerializer):
    indicator = RecordLink(queryset=Indicator.objects.all())
    party = RecordLink(
        queryset=Organization.objects.all(),
        help_text="The side the figure is from (whose statistics or exports these are).",
    )
    partner = RecordLink(
        queryset=Organization.objects.all(),
        required=False,
        allow_null=True,
        help_text="The other side; null: the world.",
    )
    period = serializers.SerializerMethodField(
        help_text='The period as written: "2023", "Q1 2024", "January–October 2024".'
    )
    value = serializers.DecimalField(
        max_digits=22,
        decimal_places=4,
        coerce_to_string=False,
        help_text="The value in full units (41000000000 for $41 bn).",
    )
    value_display = serializers.SerializerMethodField(help_text='e.g. "$41.0 bn".')

    class Meta(RecordSerializer.Meta):
        model = Figure
        fields = [
            "slug",
            "indicator",
            "party",
            "partner",
            "period_start",
            "period_end",
            "period",
            "value",
            "unit",
            "value_display",
            "url",
            "api_url",
        ]
        extra_kwargs = {
            "slug": {
                "required": False,
                "help_text": "Made from the indicator, the two sides and the period if omitted.",
            }
        }

    def get_period(self, figure) -> str:
        return figure.period

    def get_value_display(self, figure) -> str:
        return figure.value_display


class FigureSerializer(CitedSerializer, FigureListSerializer):
    class Meta(FigureListSerializer.Meta):
        fields = [*FigureListSerializer.Meta.fields, "note", "citations", *RECORD_FIELDS]
        nested = ("citations",)
