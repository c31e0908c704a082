"""The OpenAPI schema: drf-spectacular's, plus the errors each operation may answer with, so
clients (and the schemathesis run in the tests) know every status the API gives."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import serializers

ERRORS = {
    "400": "A bad parameter or field value: the answer names each one and what was wrong.",
    "401": "The credentials sent are not valid (an unknown or revoked token).",
    "403": "Not allowed: no permission for this write, or the workflow refuses the status change.",
    "404": "No such record (or none you may see), or an unknown `format`.",
    "412": "`If-Match` named an ETag that is no longer the record's: read it again.",
    "428": "No `If-Match`: a change to a record must name the ETag of the version it edits.",
    "429": "Too many requests: wait the seconds in `Retry-After`.",
}
WRITE_ERRORS = ("400", "401", "403", "404", "412", "428", "429")
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the version you edit, as its GET gave it (e.g. `"3f2a…"`). '
    "Without it the write is refused (428); if the record has changed since, 412.",
)
READ_ERRORS = ("400", "401", "404", "429")


@extend_schema_field(
    {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
)
class MessageField(serializers.Field):
    """A message, or a list of them."""


class ErrorSerializer(serializers.Serializer):
    """What was wrong: ``detail`` for the request as a whole, or, for a bad parameter or field,
    its name with its messages: ``{"start_after": ["Enter a valid date."]}`` (nested fields
    nest)."""

    detail = MessageField(required=False, help_text="What was wrong with the request.")


# ``?format=geojson`` (export.GeoJSONExportMixin): a FeatureCollection, each feature's
# properties the record's list row.
GEOJSON_COLLECTION = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "id", "geometry", "properties"],
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "string", "description": "The record's slug."},
                    "geometry": {
                        "type": "object",
                        "nullable": True,
                        "description": "A Point (longitude, latitude); null without coordinates.",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"type": "string", "enum": ["Point"]},
                            "coordinates": {
                                "type": "array",
                                "items": {"type": "number"},
                                "minItems": 2,
                                "maxItems": 2,
                            },
                        },
                    },
                    "properties": {
                        "type": "object",
                        "description": "The record as the JSON list shows it.",
                    },
                },
            },
        },
    },
}


class AutoSchema(SpectacularAutoSchema):
    """Adds the error responses (and 304 for conditional reads) to every operation, and the
    ``If-Match`` every change of a record needs."""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method in ("PUT", "PATCH"):
            parameters = [*parameters, IF_MATCH]
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        geojson = responses.get("200", {}).get("content", {}).get("application/geo+json")
        if geojson is not None:
            geojson["schema"] = GEOJSON_COLLECTION
        codes = READ_ERRORS if self.method == "GET" else WRITE_ERRORS
        for code in codes:
            if code in ("412", "428") and self.method == "POST":
                continue
            response = OpenApiResponse(ErrorSerializer, description=ERRORS[code])
            responses.setdefault(code, self._get_response_for_code(response, code))
        if "429" in responses:
            responses["429"]["headers"] = {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Seconds to wait before the next request.",
                }
            }
        if self.method == "GET" and not self._is_list_view():
            responses.setdefault(
                "304", {"description": "Not modified: the ETag sent in If-None-Match is current."}
            )
        return responses
