"""A Popolo export (popoloproject.com) of people, organizations, offices and events.

One JSON document, ``{"persons", "organizations", "memberships", "posts", "events"}``, in the
field names Popolo's tools read (EveryPolitician, Pombola…), valid against Popolo's own JSON
Schemas (``tests/data/popolo/``). Memberships are the offices people hold (each the holding of
a post) and the membership of organizations in others (a state in the SCO). It holds published
records only, for every client, and a relation only when both its ends are published. What we
do not know is left out rather than sent as null, as Popolo documents do; dates are as precise
as we know them (``2023-04-03``, ``2023-04`` or ``2023``).
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import exceptions, permissions, serializers
from rest_framework.views import APIView

from cmsproject import caching
from cmsproject.editorial.api import conditional_response, etag_of
from cmsproject.editorial.models import published_through
from cmsproject.editorial.visibility import for_readers

from ..models import DatePrecision, Event, Identifier, Organization, Person, Position

ISO_SCHEME = "iso_3166_1_alpha_3"
CARAVAN_SCHEME = "caravan"
POPOLO_DATE = r"^[0-9]{4}(-[0-9]{2}){0,2}$"


def popolo_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str | None:
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@extend_schema_field({"type": "string", "pattern": POPOLO_DATE, "example": "2023-04"})
class PartialDateField(serializers.Field):
    """A date as precise as we know it; ``precision`` names the attribute that says how."""

    def __init__(self, *, precision: str | None = None, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "YYYY-MM-DD, or YYYY-MM / YYYY when that is all we know.")
        self.precision = precision
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if value is None:
            return None
        precision = getattr(instance, self.precision) if self.precision else DatePrecision.DAY
        return popolo_date(value, precision)

    def to_representation(self, value) -> str:
        return value


class PopoloSerializer(serializers.Serializer):
    """Leaves out what is unknown (None, "", []), as Popolo documents do."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {key: value for key, value in data.items() if value not in (None, "", [])}


class Omissible(serializers.SerializerMethodField):
    """A method field that Popolo leaves out when empty, so the schema must not require it
    (drf-spectacular requires every read-only field in a response)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.read_only = False
        self.required = False


class PopoloOtherNameSerializer(PopoloSerializer):
    """Another name of the record: a transliteration, native script, former name…"""

    name = serializers.CharField()
    lang = serializers.CharField(
        required=False, help_text="The name's language or script, e.g. ru, kk, zh (ISO 639)."
    )
    note = serializers.CharField(
        required=False, help_text="What kind of name: transliteration, native script, former…"
    )
    start_date = serializers.DateField(required=False, help_text="A former name: from when.")
    end_date = serializers.DateField(required=False, help_text="A former name: until when.")


class PopoloIdentifierSerializer(serializers.Serializer):
    """A code that identifies the record in a scheme."""

    scheme = serializers.CharField(
        help_text=f"{ISO_SCHEME} for a state's ISO code; {CARAVAN_SCHEME} for our slug."
    )
    identifier = serializers.CharField()


class PopoloLinkSerializer(serializers.Serializer):
    """A page about the record."""

    url = serializers.URLField()
    note = serializers.CharField()


def other_names(aliases, *extra: dict) -> list[dict]:
    names = [name for name in extra if name["name"]]
    names += [
        {
            "name": alias.name,
            "lang": alias.language,
            "note": alias.get_kind_display(),
            "start_date": alias.valid_from,
            "end_date": alias.valid_to,
        }
        for alias in aliases
    ]
    return PopoloOtherNameSerializer(names, many=True).data


class RecordMixin(serializers.Serializer):
    """``other_names``, ``identifiers`` and ``links`` of a record, shared by people and bodies."""

    id = serializers.CharField(
        source="slug", help_text="Our slug: what memberships (and our API) refer to it by."
    )
    name = serializers.CharField()
    other_names = Omissible(help_text="Aliases: other spellings, names.")
    identifiers = Omissible(help_text="Codes that identify the record.")
    links = Omissible(help_text="The record's page here, its website.")

    def identifier_list(self, obj) -> list[dict]:
        """Our slug, then the record's external identifiers (wikidata:Q…) as editors gave them."""
        codes = [{"scheme": CARAVAN_SCHEME, "identifier": obj.slug}]
        external = getattr(obj, "external_identifiers", None)
        if external is None:
            external = obj.identifiers.all()
        codes += [{"scheme": i.scheme, "identifier": i.value} for i in external]
        return codes

    @extend_schema_field(PopoloIdentifierSerializer(many=True))
    def get_identifiers(self, obj):
        return self.identifier_list(obj)

    def link_list(self, obj) -> list[dict]:
        request = self.context.get("request")
        url = request.build_absolute_uri(obj.get_absolute_url())
        return [{"url": url, "note": "Caravan"}]

    @extend_schema_field(PopoloLinkSerializer(many=True))
    def get_links(self, obj):
        return self.link_list(obj)


class PopoloPersonSerializer(RecordMixin, PopoloSerializer):
    """A published person (Popolo's Person)."""

    sort_name = serializers.CharField(required=False)
    birth_date = PartialDateField(source="born_on")
    image = Omissible(help_text="The portrait, when we have one.")
    biography = serializers.CharField(required=False)

    @extend_schema_field(PopoloOtherNameSerializer(many=True))
    def get_other_names(self, person):
        native = {"name": person.native_name, "note": "Native script"}
        return other_names(person.aliases.all(), native)

    @extend_schema_field(OpenApiTypes.URI)
    def get_image(self, person) -> str | None:
        if not person.portrait:
            return None
        return self.context["request"].build_absolute_uri(person.portrait.url)


class PopoloOrganizationSerializer(RecordMixin, PopoloSerializer):
    """A published state or body (Popolo's Organization)."""

    classification = serializers.ChoiceField(
        source="kind",
        choices=Organization.Kind.choices,
        help_text="The kind of organization: state, igo, government_body, initiative…",
    )
    parent_id = Omissible(help_text="The id of the body this one belongs to.")
    founding_date = PartialDateField(source="founded_on")
    description = serializers.CharField(required=False)

    @extend_schema_field(PopoloOtherNameSerializer(many=True))
    def get_other_names(self, organization):
        short = {"name": organization.short_name, "note": "Abbreviation"}
        return other_names(organization.aliases.all(), short)

    def identifier_list(self, organization) -> list[dict]:
        codes = super().identifier_list(organization)
        if organization.iso_code:
            codes.insert(0, {"scheme": ISO_SCHEME, "identifier": organization.iso_code})
            # the same code given again as an external identifier is said once
            same = {"scheme": "iso3166-1-alpha-3", "identifier": organization.iso_code}
            codes = [code for code in codes if code != same]
        return codes

    def link_list(self, organization) -> list[dict]:
        links = super().link_list(organization)
        if organization.website:
            links.append({"url": organization.website, "note": "Website"})
        return links

    @extend_schema_field(OpenApiTypes.STR)
    def get_parent_id(self, organization):
        parent = organization.parent
        return parent.slug if parent is not None else None


def post_id(position: Position) -> str:
    """The office, whoever holds it: its organization and its title."""
    return f"{position.organization.slug}/{slugify(position.title)}"


class PopoloMembershipSerializer(PopoloSerializer):
    """An office: the person holds ``role`` at the organization from start to end (no end: holds
    it still), the holding of the post ``post_id``."""

    person_id = serializers.CharField(source="person.slug")
    organization_id = serializers.CharField(source="organization.slug")
    post_id = serializers.SerializerMethodField(help_text="The office held (see `posts`).")
    role = serializers.CharField(
        source="title", help_text="The office, e.g. Minister of Foreign Affairs."
    )
    label = serializers.CharField(
        help_text="e.g. Acting Minister of Foreign Affairs of Kazakhstan."
    )
    start_date = PartialDateField(precision="start_precision")
    end_date = PartialDateField(
        precision="end_precision", help_text="The last day in office; absent while still held."
    )

    def get_post_id(self, position) -> str:
        return post_id(position)


class PopoloOrganizationMembershipSerializer(PopoloSerializer):
    """An organization that is a member of another: a state of the SCO, a state of the
    China–Central Asia format."""

    member = serializers.SerializerMethodField(
        help_text='The member organization: `{"@type": "Organization", "id": …}`.'
    )
    organization_id = serializers.CharField(
        source="from_organization.slug", help_text="The organization it is a member of."
    )
    role = serializers.SerializerMethodField()
    label = serializers.SerializerMethodField(help_text="e.g. Member of the SCO.")

    @extend_schema_field(
        {
            "type": "object",
            "required": ["@type", "id"],
            "properties": {
                "@type": {"type": "string", "enum": ["Organization"]},
                "id": {"type": "string", "description": "The member organization's id."},
            },
        }
    )
    def get_member(self, row) -> dict:
        return {"@type": "Organization", "id": row.to_organization.slug}

    def get_role(self, row) -> str:
        return "member"

    def get_label(self, row) -> str:
        return f"Member of {row.from_organization.name}"


class PopoloPostSerializer(PopoloSerializer):
    """An office that exists whoever holds it (Popolo's Post): the people holding it are the
    memberships naming its id."""

    id = serializers.SerializerMethodField(help_text="The organization's id / the office.")
    organization_id = serializers.CharField(source="organization.slug")
    label = serializers.SerializerMethodField(
        help_text="e.g. Minister of Foreign Affairs of China."
    )
    role = serializers.CharField(source="title", help_text="e.g. Minister of Foreign Affairs.")

    def get_id(self, position) -> str:
        return post_id(position)

    def get_label(self, position) -> str:
        # the office's label by the model's rule, as for a holder who is not acting
        return Position(title=position.title, organization=position.organization).label


class PopoloEventSerializer(PopoloSerializer):
    """A published event (Popolo's Event): a summit, a meeting, a visit."""

    id = serializers.CharField(source="slug")
    name = serializers.CharField(source="title")
    classification = serializers.CharField(
        source="kind", help_text="summit, ministerial, official_visit, talks…"
    )
    start_date = PartialDateField(precision="date_precision", required=True)
    end_date = PartialDateField(precision="date_precision")
    organization_id = Omissible(help_text="The id of the state or body that hosted it.")
    location = Omissible(help_text="Where it was held, or Online.")
    parent_id = Omissible(help_text="The id of the event on whose sidelines it took place.")

    @extend_schema_field(OpenApiTypes.STR)
    def get_organization_id(self, event) -> str | None:
        return event.host.slug if event.host is not None else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_location(self, event) -> str | None:
        if event.place is not None:
            return event.place.name
        return "Online" if event.is_online else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_parent_id(self, event) -> str | None:
        return event.parent.slug if event.parent is not None else None


MEMBERSHIP = PolymorphicProxySerializer(
    component_name="PopoloAnyMembership",
    serializers=[PopoloMembershipSerializer, PopoloOrganizationMembershipSerializer],
    resource_type_field_name=None,
    many=True,
)


class PopoloExportSerializer(serializers.Serializer):
    """The whole export: who, which bodies, who held which office when, which organizations
    belong to which, the offices, and the events."""

    persons = PopoloPersonSerializer(many=True)
    organizations = PopoloOrganizationSerializer(many=True)
    memberships = serializers.SerializerMethodField(
        help_text="Offices people held, then organizations' memberships of others."
    )
    posts = PopoloPostSerializer(many=True)
    events = PopoloEventSerializer(many=True)

    @extend_schema_field(MEMBERSHIP)
    def get_memberships(self, records) -> list[dict]:
        context = self.context
        offices = PopoloMembershipSerializer(records["memberships"], many=True, context=context)
        members = PopoloOrganizationMembershipSerializer(
            records["organization_memberships"], many=True, context=context
        )
        return [*offices.data, *members.data]


def distinct_posts(positions) -> list[Position]:
    """One position per office (organization and title), in the offices' order."""
    posts: dict[str, Position] = {}
    for position in positions:
        posts.setdefault(post_id(position), position)
    return sorted(posts.values(), key=post_id)


def external_identifiers() -> Prefetch:
    """Every record's identifiers as a list (``to_attr``): a prefetch into the related manager
    would build a visibility-filtered queryset for each of thousands of records, which costs
    more than the one query that reads them."""
    return Prefetch(
        "identifiers", queryset=Identifier.objects.all(), to_attr="external_identifiers"
    )


def popolo_records() -> dict:
    """The published people, organizations and events, and the relations that join two of
    them. Read as any reader reads, whoever asks: the export is one document for everyone."""
    offices = list(
        Position.objects.filter(published_through("person"), published_through("organization"))
        .select_related("person", "organization")
        .order_by("person__slug", "start_date", "pk")
    )
    Membership = Organization.members.through
    return {
        "persons": Person.objects.published()
        .prefetch_related("aliases", external_identifiers())
        .order_by("slug"),
        "organizations": Organization.objects.published()
        .select_related("parent")
        .prefetch_related("aliases", external_identifiers())
        .order_by("slug"),
        "memberships": offices,
        "organization_memberships": Membership.objects.filter(
            published_through("from_organization"), published_through("to_organization")
        )
        .select_related("from_organization", "to_organization")
        .order_by("to_organization__slug", "from_organization__slug"),
        "posts": distinct_posts(offices),
        "events": Event.objects.published()
        .select_related("host", "place", "parent")
        .order_by("start_date", "slug"),
    }


class PopoloExportView(APIView):
    """GET only: the whole export, computed once per content version."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="popolo_export",
        tags=["popolo"],
        summary="People, organizations, offices and events as one Popolo document",
        description=(
            "Published people (`persons`, other names with their `lang`), organizations "
            "(states with their ISO 3166 alpha-3 code as an identifier, bodies with their "
            "parent), `memberships` (the offices people hold, each naming its `post_id`, and "
            "organizations that are members of others, with a `member` object), the offices "
            "themselves (`posts`) and `events` (with the host as `organization_id`), between "
            "published records only, in the Popolo data specification's field names; valid "
            "against Popolo's JSON Schemas. Not paginated. Unknown fields are left out, never "
            "null. Carries an ETag; `If-None-Match` answers 304."
        ),
        responses=PopoloExportSerializer,
    )
    def get(self, request, *args, **kwargs):
        unknown = sorted(set(request.query_params) - {"format"})
        if unknown:
            raise exceptions.ValidationError(
                {name: ["Unknown parameter; the Popolo export takes none."] for name in unknown}
            )

        def build() -> tuple[dict, str]:
            context = {"request": request}
            with for_readers():  # cached for every client: never an editor's view of it
                data = PopoloExportSerializer(popolo_records(), context=context).data
            return data, etag_of(data)

        # Absolute URLs differ by host, so does the cached document.
        data, etag = caching.cached(f"popolo:{request.build_absolute_uri('/')}", build)
        return conditional_response(request, data, etag=etag)
