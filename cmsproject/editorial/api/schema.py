"""The OpenAPI schema: drf-spectacular's, plus the errors each operation may answer with, so
clients (and the schemathesis run in the tests) know every status the API gives."""

from __future__ import annotations

import copy

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request

from .filters import OrderingFilter

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


CSV_TEXT = {
    "type": "string",
    "description": "CSV (RFC 4180): a header row of field names, then a row per record; an "
    "error is a `field,message` table.",
}


class AutoSchema(SpectacularAutoSchema):
    """Adds the error responses (and 304 for conditional reads) to every operation, and the
    ``If-Match`` every change of a record needs."""

    def get_auth(self):
        # drf-spectacular only knows AllowAny and IsAuthenticatedOrReadOnly as open to
        # anonymous clients; ask the view's own permissions whether an anonymous read passes
        # (DjangoModelPermissionsOrAnonReadOnly does), so that tools send reads without
        # credentials and still demand them for writes.
        auths = super().get_auth()
        if {} not in auths and self.method in ("GET", "HEAD") and self._anonymous_may_read():
            auths.append({})
        return auths

    def _anonymous_may_read(self) -> bool:
        request = Request(RequestFactory().generic(self.method, self.path))
        request.user = AnonymousUser()
        view = self.view
        try:
            return all(p.has_permission(request, view) for p in view.get_permissions())
        except Exception:  # a permission that needs more of a real request: say nothing
            return False

    def _get_filter_parameters(self):
        parameters = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        filters = filterset.base_filters if filterset is not None else {}
        for parameter in parameters:
            if isinstance(filters.get(parameter["name"]), OrderingFilter):
                # Read either way (filters.RepeatedOrCommaWidget); declared as repeats, the
                # form generated clients send an array in.
                parameter["explode"] = True
        return parameters

    def _get_pagination_parameters(self):
        parameters = super()._get_pagination_parameters()
        paginator = self._get_paginator()
        bounds = {
            getattr(paginator, "page_query_param", None): {"minimum": 1},
            getattr(paginator, "page_size_query_param", None): {
                "minimum": 1,
                "maximum": getattr(paginator, "max_page_size", None),
            },
        }
        for parameter in parameters:
            for key, value in bounds.get(parameter["name"], {}).items():
                if value is not None:
                    parameter["schema"][key] = value
        return parameters

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method in ("PUT", "PATCH"):
            parameters = [*parameters, IF_MATCH]
        return parameters

    def _insert_field_validators(self, field, schema):
        super()._insert_field_validators(field, schema)
        if getattr(field, "blank_as_null", False) and "oneOf" in schema:
            # drf-spectacular describes a blank-able formatted string as oneOf(format, "");
            # these fields answer null instead (fields.BlankAsNull): the format, nullable.
            formatted, _blank = schema.pop("oneOf")
            schema.update(formatted)
            schema["nullable"] = True

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
        for response in responses.values():
            csv = response.get("content", {}).get("text/csv")
            if csv is not None:
                # What is sent is a spreadsheet, whatever the JSON would have held.
                csv["schema"] = CSV_TEXT
        if self.method == "GET" and not self._is_list_view():
            responses.setdefault(
                "304", {"description": "Not modified: the ETag sent in If-None-Match is current."}
            )
        return responses


# The exports as operations of their own, at the addresses the router already answers
# (``/api/v1/events.csv``, ``/api/v1/events/<slug>.csv``): a generated client reads each
# operation's answer in one media type, so ``?format=csv`` on the JSON operation cannot give
# it text. ``?format=`` stays documented for everyone else.
EXPORTS = {"csv": "text/csv", "geojson": "application/geo+json"}
SUFFIX_SLUG = {"type": "string", "pattern": "^[^/.]+$"}


def add_export_operations(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: for each GET whose answer may be CSV or GeoJSON,
    the same operation at its ``.csv`` / ``.geojson`` address, answering that media type only."""
    paths = {}
    for path, operations in result["paths"].items():
        paths[path] = operations
        get = operations.get("get")
        if get is None or not path.endswith("/"):
            continue
        for suffix, media_type in EXPORTS.items():
            if media_type not in get["responses"].get("200", {}).get("content", {}):
                continue
            paths[f"{path[:-1]}.{suffix}"] = {"get": export_operation(get, suffix, media_type)}
    result["paths"] = paths
    return result


def export_operation(get: dict, suffix: str, media_type: str) -> dict:
    operation = copy.deepcopy(get)
    operation["operationId"] = f"{get['operationId']}_{suffix}"
    detail = any(p["in"] == "path" for p in get.get("parameters", []))
    what = "the record" if detail else "the whole filtered list, unpaginated"
    operation["description"] = f"{get.get('description', '')}\n\nAs {suffix.upper()}: {what}."
    parameters = []
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" and parameter["name"] in ("format", "page", "page_size"):
            continue
        if parameter["in"] == "path":
            parameter["schema"] = {**parameter["schema"], **SUFFIX_SLUG}
        parameters.append(parameter)
    operation["parameters"] = parameters
    for code, response in operation["responses"].items():
        content = response.get("content")
        if not content:
            continue
        exported = {media_type: content[media_type]}
        if not code.startswith("2") and "application/json" in content:
            # Errors raised before the view (a NUL in a parameter, an unknown address) are
            # JSON; the export's own media type first, so a generated client reads it as such.
            exported["application/json"] = content["application/json"]
        response["content"] = exported
    return operation
