"""``?format=csv``: a list as a spreadsheet, related records by name, formulas neutralised."""

from __future__ import annotations

import io
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from .. import spreadsheet


def _cell(value) -> str:
    """A value as the text of its cell (neutralised when written, :mod:`..spreadsheet`)."""
    if value is None:
        return ""
    if isinstance(value, dict):  # a related record
        return str(value.get("name") or value.get("title") or value.get("slug") or "")
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


class CSVRenderer(BaseRenderer):
    """``?format=csv``: one row per record, related records by name (and ``<field>_slug``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        elif isinstance(data, dict) and data and not _is_error(renderer_context):
            rows = [data]
        else:  # an error: field, message
            rows = [{"field": k, "message": _cell(v)} for k, v in (data or {}).items()]
        columns: list[str] = []
        flat_rows = []
        for row in rows:
            flat = {}
            for key, value in row.items():
                flat[key] = _cell(value)
                if isinstance(value, dict) and "slug" in value:
                    flat[f"{key}_slug"] = value["slug"]
            for key in flat:
                if key not in columns:
                    columns.append(key)
            flat_rows.append(flat)
        out = io.StringIO()
        writer = spreadsheet.writer(out, lineterminator="\r\n")  # every cell neutralised
        writer.writerow(columns)
        writer.writerows([[row.get(column, "") for column in columns] for row in flat_rows])
        return out.getvalue().encode(self.charset)


def _is_error(renderer_context) -> bool:
    response = (renderer_context or {}).get("response")
    return response is not None and response.status_code >= 400


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description="csv: the whole filtered list as a spreadsheet (no pagination); json otherwise.",
)


class CSVExportMixin:
    """Adds ``?format=csv`` to a viewset; a CSV list is the whole filtered list, unpaginated."""

    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer]

    @extend_schema(parameters=[FORMAT_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[FORMAT_PARAMETER])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def paginate_queryset(self, queryset):
        if getattr(self.request.accepted_renderer, "format", None) == "csv":
            return None
        return super().paginate_queryset(queryset)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            getattr(request, "accepted_renderer", None)
            and request.accepted_renderer.format == "csv"
        ):
            # The slug as typed in the URL may hold anything, newlines included: name the
            # file after it only when it is a plain slug.
            slug = str(kwargs.get("slug", ""))
            plain = self.action != "list" and PLAIN_SLUG.fullmatch(slug)
            name = slug if plain else self.basename
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


class GeoJSONRenderer(BaseRenderer):
    """``?format=geojson``: a FeatureCollection (RFC 7946), built by :class:`GeoJSONExportMixin`."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).encode(self.charset)


GEOJSON_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv", "geojson"],
    description=(
        "csv: the whole filtered list as a spreadsheet; geojson: the whole filtered list as a "
        "GeoJSON FeatureCollection (a record without coordinates has a null geometry); json "
        "otherwise."
    ),
)


class GeoJSONExportMixin:
    """Adds ``?format=geojson`` to a list: each record a Feature, its list row as properties,
    a Point where :meth:`coordinates` gives one (longitude, latitude — GeoJSON's order)."""

    def get_renderers(self):
        renderers = super().get_renderers()
        # Lists only: a detail asked for as GeoJSON is an unknown format (404), like any other.
        return [*renderers, GeoJSONRenderer()] if self.action == "list" else renderers

    def coordinates(self, obj) -> tuple[float, float] | None:
        raise NotImplementedError

    @extend_schema(parameters=[GEOJSON_PARAMETER])
    def list(self, request, *args, **kwargs):
        if getattr(request.accepted_renderer, "format", None) != "geojson":
            return super().list(request, *args, **kwargs)
        records = list(self.filter_queryset(self.get_queryset()))
        rows = self.get_serializer(records, many=True).data
        features = []
        for obj, row in zip(records, rows, strict=True):
            point = self.coordinates(obj)
            features.append(
                {
                    "type": "Feature",
                    "id": obj.slug,
                    "geometry": (
                        {"type": "Point", "coordinates": [float(point[0]), float(point[1])]}
                        if point
                        else None
                    ),
                    "properties": row,
                }
            )
        response = Response({"type": "FeatureCollection", "features": features})
        response["Content-Disposition"] = f'attachment; filename="{self.basename}.geojson"'
        return response
