"""``/api/v1/resolve/?name=&date=``: the published people a written name may mean on a date,
with the offices each held that day — for integrators who meet "Токаеву" or "K.K.Tokaev" in
their own copy and want our record. The matching is the name linker's
(:mod:`events.linking.resolving`)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, permissions, serializers
from rest_framework.views import APIView

from cmsproject.editorial.api import absolute_url, conditional_response
from cmsproject.editorial.dates import RANGE_TEXT, in_range
from cmsproject.editorial.paths import absolute, slug_path

from ..linking.resolving import RULES, SURNAME_ONLY, resolve_person_name

MAX_NAME = 200
PARAMETERS = {"name", "date", "format"}


class ResolveQuerySerializer(serializers.Serializer):
    """The query: what is asked is checked here, each bad parameter named in the 400."""

    name = serializers.CharField(
        max_length=MAX_NAME,
        error_messages={
            "required": "Give the name to resolve, e.g. ?name=Tokayev.",
            "blank": "Give the name to resolve, e.g. ?name=Tokayev; it may not be empty.",
            "max_length": f"A name is at most {MAX_NAME} characters.",
        },
    )
    date = serializers.DateField(required=False)

    def validate_date(self, value):
        if not in_range(value):
            raise serializers.ValidationError(
                f"Dates are kept from {RANGE_TEXT}; this one is outside that range."
            )
        return value


class RecordRefSerializer(serializers.Serializer):
    """A published record: its slug, name, page and API address."""

    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The record's page on the public site.")
    api_url = serializers.SerializerMethodField(help_text="This record in the API.")

    def get_url(self, obj) -> str:
        return absolute_url(obj, self.context.get("request"))

    def get_api_url(self, obj) -> str:
        path = slug_path(f"api:{obj._meta.model_name}-detail", obj.slug)
        return absolute(self.context.get("request"), path)


class OfficeSerializer(serializers.Serializer):
    """An office the person held on the date asked."""

    title = serializers.CharField(help_text="The office as readers know it, e.g. President.")
    role = serializers.CharField(
        help_text="The kind of office: head_of_state, head_of_government, foreign_minister…"
    )
    organization = RecordRefSerializer(help_text="Where it is held: a state, a body.")
    start_date = serializers.DateField(allow_null=True, help_text="The first day in office.")
    end_date = serializers.DateField(
        allow_null=True, help_text="The last day in office; null while still held."
    )


RULE_HELP = "How the name matched: " + "; ".join(f"`{k}`, {v}" for k, v in RULES.items()) + "."


class ResolvedPersonSerializer(serializers.Serializer):
    """One person the name may mean."""

    person = RecordRefSerializer()
    offices = OfficeSerializer(many=True, help_text="Offices held on the date, senior first.")
    matched = serializers.CharField(
        source="match.matched", help_text="Our name, alias or surname the query matched."
    )
    rule = serializers.ChoiceField(choices=list(RULES), source="match.rule", help_text=RULE_HELP)
    surname_only = serializers.BooleanField(
        source="match.surname_only",
        help_text="Only a surname was matched: anyone of that name may be meant.",
    )
    score = serializers.FloatField(
        source="match.score",
        min_value=0,
        max_value=1,
        help_text=(
            "How close the match is, from 1 (exact full name) down: transliteration and "
            f"inflection 0.9, initials 0.8, misspelling 0.7, times {SURNAME_ONLY} for a "
            "surname alone. Results come best first."
        ),
    )


class ResolveSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The name asked about.")
    date = serializers.DateField(help_text="The date asked about (today if not given).")
    ambiguous = serializers.BooleanField(help_text="More than one person may be meant.")
    results = ResolvedPersonSerializer(many=True)


class ResolveView(APIView):
    """GET only; anyone may ask, under the API's rate limits."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="resolve_name",
        tags=["resolve"],
        summary="Which people a written name may mean on a date",
        description=(
            "Resolves a name as it is written in a text — another transliteration "
            "(`Tokayev`, `Tokaev`), a Russian case form (`Токаеву`), initials (`K.K.Tokaev`), "
            "a misspelling (`Nurtileu`), native script (`王毅`, `Си Цзиньпин`), or a surname "
            "alone — to the published people it may mean, best match first, each with the "
            "offices held on `date`. `ambiguous` is true when more than one person may be "
            "meant. No match is a 200 with no results."
        ),
        parameters=[
            OpenApiParameter(
                "name",
                {"type": "string", "minLength": 1, "maxLength": MAX_NAME, "example": "Токаеву"},
                OpenApiParameter.QUERY,
                required=True,
                description="The name as written: a full name, surname, alias or initials.",
            ),
            OpenApiParameter(
                "date",
                OpenApiTypes.DATE,
                OpenApiParameter.QUERY,
                description=(
                    f"The day the name is meant on (YYYY-MM-DD, {RANGE_TEXT}); today by "
                    "default. Decides the offices shown, and ranks those in office first."
                ),
            ),
        ],
        responses=ResolveSerializer,
    )
    def get(self, request, *args, **kwargs):
        unknown = sorted(set(request.query_params) - PARAMETERS)
        if unknown:
            raise exceptions.ValidationError(
                {name: ["Unknown parameter; this takes name and date."] for name in unknown}
            )
        query = ResolveQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        name = query.validated_data["name"]
        on_date = query.validated_data.get("date") or timezone.localdate()
        results = resolve_person_name(name=name, on_date=on_date)
        answer = {"name": name, "date": on_date, "ambiguous": len(results) > 1, "results": results}
        data = ResolveSerializer(answer, context={"request": request}).data
        return conditional_response(request, data)
