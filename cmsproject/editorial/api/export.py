"""``?format=csv`` and ``?format=geojson``: the API's records as a spreadsheet or a map layer.

CSV is every record viewset's (:class:`CSVExportMixin`, part of ``RecordViewSet``): one row per
record, related records flattened into readable cells — ``"Murat Nurtleu (Minister of Foreign
Affairs of Kazakhstan); Wang Yi (Minister of Foreign Affairs of China)"`` with the slugs in a
parallel ``<field>_slugs`` column — so that nothing of the JSON is silently lost. Every cell is
neutralised against formulas (:mod:`..spreadsheet`).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping

from django.core.serializers.json import DjangoJSONEncoder
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from .. import spreadsheet


def is_link(value) -> bool:
    """A related record as :class:`~.fields.RecordLink` reads it: ``{slug, name|title, …}``."""
    return isinstance(value, dict) and "slug" in value and ("name" in value or "title" in value)


def link_name(value) -> str:
    """The name (or title) of a related record, "" for none."""
    if not isinstance(value, dict):
        return ""
    return str(value.get("name") or value.get("title") or value.get("slug") or "")


def _scalar(value) -> str:
    return "" if value is None else str(value)


def _described(item: dict) -> str:
    """A nested object without a reading of its own: its non-empty values, named."""
    parts = []
    for key, value in item.items():
        if key in ("url", "api_url") or value in (None, "", []):
            continue
        text = link_name(value) if is_link(value) else _cell(value)
        parts.append(f"{str(key).replace('_', ' ')}: {text}")
    return ", ".join(parts)


def _cell(value) -> str:
    """A value as the text of its cell (neutralised when written, :mod:`..spreadsheet`)."""
    if is_link(value):
        # a record of any kind (a source's "cited by") says which kind
        kind = value.get("type")
        return f"{link_name(value)} ({kind})" if kind else link_name(value)
    if isinstance(value, dict):
        return _described(value)
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return _scalar(value)


def _slug_of(item) -> str:
    """The slug of a related record, or of the record a child row is about (a participation's
    person, a citation's source): the first related record it names."""
    if is_link(item):
        return item["slug"]
    if isinstance(item, dict):
        for value in item.values():
            if is_link(value):
                return value["slug"]
    return ""


def _child_of(field):
    return getattr(field, "child", None) or getattr(field, "child_relation", None)


def _names_records(field, items: list) -> bool:
    """Whether a list gets a ``<field>_slugs`` column: its items are, or name, related records
    (known from the serializer even for an empty list)."""
    if isinstance(field, ManyRelatedField):
        return True
    child = _child_of(field)
    if isinstance(child, serializers.Serializer):
        return any(isinstance(f, serializers.RelatedField) for f in child.fields.values())
    return any(_slug_of(item) for item in items)


def _item_text(item, number: int, child) -> str:
    hook = getattr(child, "csv_text", None)
    if hook is not None and isinstance(item, dict):
        return hook(item, number=number)
    return _cell(item)


def flatten(row: dict, fields: Mapping | None = None) -> dict[str, str]:
    """One record's cells: a related record by name (``<field>_slug`` beside it), a list of
    them joined by "; " (``<field>_slugs`` beside it). A child serializer says how one of its
    rows reads with ``csv_text(item, *, number)``: a participant as "name (office)", a citation
    as "[1] title (outlet, date): excerpt"."""
    fields = fields or {}
    flat: dict[str, str] = {}
    for key, value in row.items():
        field = fields.get(key)
        if isinstance(value, list):
            child = _child_of(field)
            flat[key] = "; ".join(
                _item_text(item, number, child) for number, item in enumerate(value, 1)
            )
            if _names_records(field, value):
                flat[f"{key}_slugs"] = "; ".join(_slug_of(item) for item in value)
        elif is_link(value) or (value is None and isinstance(field, serializers.RelatedField)):
            flat[key] = link_name(value)
            flat[f"{key}_slug"] = value["slug"] if value else ""
        else:
            flat[key] = _cell(value)
    return flat


PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def _serializer_fields(renderer_context) -> Mapping:
    """The fields of the serializer that wrote the data, for how to flatten them."""
    view = (renderer_context or {}).get("view")
    if view is None or not hasattr(view, "get_serializer"):
        return {}
    return view.get_serializer().fields


class CSVRenderer(BaseRenderer):
    """``?format=csv``: one row per record, related records flattened (see :func:`flatten`)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        fields: Mapping = {}
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        elif isinstance(data, dict) and data and not _is_error(renderer_context):
            rows = [data]
        else:  # an error: field, message
            rows = [{"field": k, "message": _cell(v)} for k, v in (data or {}).items()]
        if rows and not _is_error(renderer_context):
            fields = _serializer_fields(renderer_context)
        columns: dict[str, None] = {}  # ordered: the JSON's order, each slug column beside
        flat_rows = []
        for row in rows:
            flat = flatten(row, fields)
            columns.update(dict.fromkeys(flat))
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
    description=(
        "csv: the record, or the whole filtered list (no pagination), as a spreadsheet; related "
        'records by name ("name (office)"), their slugs in `<field>_slug(s)` columns; json '
        "otherwise."
    ),
)


class CSVExportMixin:
    """``?format=csv`` on a list and a record; a CSV list is the whole filtered list,
    unpaginated. Part of every ``RecordViewSet`` (which declares the parameter)."""

    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer]

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
