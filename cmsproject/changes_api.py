"""``GET /api/v1/changes/?since=…``: what was published, changed, withdrawn, redirected or
deleted, oldest first, a page at a time (:mod:`cmsproject.changes` says what is recorded).

A client keeps the ``cursor`` of the last page it read and asks again later with
``?since=<cursor>``: it gets exactly what was committed after, nothing twice, nothing missed.
``since`` may also be a time (``2026-12-06T12:00:00Z``, or a date) for a first read; times are
when changes were made, so for exact resumption use cursors.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import exceptions, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .changes import Change, changes_after, parse_cursor
from .editorial.api import MAX_PAGE_SIZE
from .editorial.paths import absolute

PAGE_SIZE = 100
PARAMETERS = {"since", "action", "type", "page_size", "format"}


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="Resume after this change with ?since=<cursor>.")
    at = serializers.DateTimeField(help_text="When the change was made.")
    action = serializers.ChoiceField(choices=Change.Action.choices)
    type = serializers.CharField(help_text="The record type: event, person, organization…")
    slug = serializers.CharField()
    label = serializers.CharField(help_text="Its title or name as readers saw it.")
    url = serializers.URLField(
        allow_null=True, help_text="Its public page (gone for withdrawn or deleted records)."
    )
    api_url = serializers.URLField(allow_null=True, help_text="It in the API.")
    old_url = serializers.URLField(
        allow_null=True, help_text="For a redirect: the old address that now leads to url."
    )


class ChangePageSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Changes after `since` (with the filters).")
    next = serializers.URLField(
        allow_null=True, help_text="The next page, when more changes are waiting; else null."
    )
    previous = serializers.URLField(allow_null=True, help_text="Always null: read forwards.")
    cursor = serializers.CharField(
        help_text="Where this page ends: ask ?since=<cursor> later for what comes after."
    )
    results = ChangeSerializer(many=True)


def _position(text: str) -> tuple[int, int] | datetime.datetime | None:
    text = text.strip()
    if not text:
        return None
    cursor = parse_cursor(text)
    if cursor is not None:
        return cursor
    try:
        moment = parse_datetime(text.replace("z", "Z"))
        if moment is None:
            day = parse_date(text)
            if day is not None:
                moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        moment = None
    if moment is None:
        raise exceptions.ValidationError(
            {
                "since": [
                    "Give a cursor from an earlier answer (e.g. 1234-56), a time "
                    "(2026-12-06T12:00:00Z) or a date (2026-12-06)."
                ]
            }
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def _listed(request, name: str, allowed: set[str] | None = None) -> set[str]:
    values = {v.strip() for raw in request.query_params.getlist(name) for v in raw.split(",")}
    values.discard("")
    if allowed is not None and values - allowed:
        raise exceptions.ValidationError(
            {
                name: [
                    f"Unknown {', '.join(sorted(values - allowed))}; use "
                    f"{', '.join(sorted(allowed))}."
                ]
            }
        )
    return values


class ChangeFeedView(APIView):
    """What readers' records went through, in the order it happened."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="changes_list",
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.STR,
                description="A cursor from an earlier answer (resume exactly), or a time or "
                "date (changes made after it). Omitted: from the first change.",
                examples=[
                    OpenApiExample("cursor", value="1234-56"),
                    OpenApiExample("time", value="2026-12-06T12:00:00Z"),
                ],
            ),
            OpenApiParameter(
                "action",
                OpenApiTypes.STR,
                description="Only these actions, comma-separated: "
                + ", ".join(Change.Action.values),
            ),
            OpenApiParameter(
                "type",
                OpenApiTypes.STR,
                description="Only these record types, comma-separated (event, person…).",
            ),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=f"Changes per page: {PAGE_SIZE} unless given, 1 to {MAX_PAGE_SIZE}.",
            ),
        ],
        responses=ChangePageSerializer,
    )
    def get(self, request) -> Response:
        unknown = sorted(set(request.query_params) - PARAMETERS)
        if unknown:
            raise exceptions.ValidationError(
                {
                    name: [f"Unknown parameter; use {', '.join(sorted(PARAMETERS))}."]
                    for name in unknown
                }
            )
        since = request.query_params.get("since", "")
        size = _page_size(request)
        position = _position(since)
        changes = changes_after(position)
        actions = _listed(request, "action", set(Change.Action.values))
        types = _listed(request, "type")
        if actions:
            changes = changes.filter(action__in=actions)
        if types:
            changes = changes.filter(record_type__in=types)
        count = changes.count()
        page = list(changes[:size])
        origin = absolute(request, "")
        if page:
            cursor = page[-1].cursor
        else:  # nothing new: where to ask from next time
            cursor = since.strip() if isinstance(position, tuple) else _start()
        following = None
        if count > len(page):
            query = {k: v for k, v in request.query_params.items() if k != "since"}
            following = absolute(request, f"{request.path}?{urlencode({**query, 'since': cursor})}")
        return Response(
            {
                "count": count,
                "next": following,
                "previous": None,
                "cursor": cursor,
                "results": [change.as_data(origin) for change in page],
            }
        )


def _start() -> str:
    """The cursor of 'now' for an empty answer from the start: the last change, or 0-0."""
    last = Change.objects.order_by("-seq", "-id").first()
    return last.cursor if last else "0-0"


def _page_size(request) -> int:
    raw = request.query_params.get("page_size", "")
    if raw == "":
        return PAGE_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise exceptions.ValidationError(
            {"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]}
        )
    return int(raw)
