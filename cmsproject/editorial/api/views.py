"""The base viewset of every record: list, read by slug, create, update; status changes through
the workflow; ETag / Last-Modified with 304, and ``If-Match`` against lost updates."""

from __future__ import annotations

import hashlib
import json

from django.db import transaction
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response

from cmsproject.editorial import actions, pending, rights, workflow
from cmsproject.editorial.concurrency import lock_rows
from cmsproject.editorial.models import Publishable, Status

from .errors import PreconditionFailed, PreconditionRequired, StatusChangeRefused
from .export import FORMAT_PARAMETER, CSVExportMixin
from .filters import FilterBackend
from .pagination import Pagination


def check_status_change(
    *, obj: Publishable, current: str, target: str, user, content: bool = True
) -> None:
    """400 for a move the workflow never allows, 403 for one this user may not make, and 400
    for a record not ready for it (a source without a summary) when ``content`` is judged."""
    if current == target:
        return
    if current not in workflow.TRANSITIONS.get(target, set()):
        raise exceptions.ValidationError(
            {
                "status": [
                    f"A {obj._meta.verbose_name} cannot go from {Status(current).label.lower()} "
                    f"to {Status(target).label.lower()}."
                ]
            }
        )
    try:
        workflow.check_transition(obj=obj, current=current, target=target, user=user, content=False)
    except workflow.WorkflowError as exc:
        raise StatusChangeRefused({"status": [str(exc)]}) from exc
    if content and target == Status.PUBLISHED:
        problems = obj.publication_problems()
        if problems:
            raise exceptions.ValidationError({"status": problems})


JSON = "application/json"


def etag_of(data, media_type: str = JSON) -> str:
    """A strong validator of one representation: the record's content and the media type it
    is written in (the same record as JSON, CSV or the browsable page are three)."""
    payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return quote_etag(hashlib.sha256(f"{media_type}|{payload}".encode()).hexdigest()[:32])


def media_type_of(request) -> str:
    renderer = getattr(request, "accepted_renderer", None)
    return renderer.media_type if renderer is not None else JSON


def weakly(tags: list[str]) -> set[str]:
    """Entity tags compared weakly (RFC 9110, 8.8.3.2), as ``If-None-Match`` asks: ``W/"x"``
    and ``"x"`` are the same."""
    return {tag.removeprefix("W/") for tag in tags}


def conditional_response(
    request, data, *, modified: int | None = None, etag: str | None = None
) -> Response:
    """``data`` with its ``ETag`` (and ``Last-Modified`` when known), or an empty 304 when the
    client's ``If-None-Match`` (or, without one, ``If-Modified-Since``) says it has it. Only
    called for a record that exists, so ``*`` means "you have it"."""
    etag = etag or etag_of(data, media_type_of(request))
    match = request.headers.get("If-None-Match")
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if match:
        not_modified = bool(weakly([etag, "*"]) & weakly(parse_etags(match)))
    else:
        not_modified = since is not None and modified is not None and modified <= since
    response = Response(status=status.HTTP_304_NOT_MODIFIED) if not_modified else Response(data)
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    return response


class RecordViewSet(
    CSVExportMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """One record type: list, read by slug, create, update (PUT/PATCH). No delete: withdraw.

    Subclasses set ``queryset`` (the base manager), ``list_serializer_class``,
    ``serializer_class`` (detail and writes), ``filterset_class``, and may override
    :meth:`with_related` to prefetch what the detail shows, narrowed to what the user may see.
    Every list and record also reads as CSV (``?format=csv``, :mod:`.export`).
    """

    lookup_field = "slug"
    pagination_class = Pagination
    list_serializer_class: type[serializers.Serializer] | None = None
    filter_backends = [FilterBackend]

    def initial(self, request, *args, **kwargs):
        # Say "not allowed" to everyone alike, before permissions would answer 401/403.
        if request.method == "DELETE":
            raise exceptions.MethodNotAllowed(
                request.method, detail="Records are not deleted through the API; withdraw them."
            )
        super().initial(request, *args, **kwargs)

    def pagination_params(self) -> set[str]:
        paginator = self.paginator
        if paginator is None:
            return set()
        return {paginator.page_query_param, paginator.page_size_query_param}

    def get_queryset(self):
        queryset = self.queryset.model.objects.visible_to(self.request.user)
        return self.with_related(queryset)

    def with_related(self, queryset):
        return queryset

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return self.serializer_class

    def filter_queryset(self, queryset):
        # Filters and ordering are for lists; a record is found by its slug alone.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        return response

    @extend_schema(parameters=[FORMAT_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    # -- reading one record: ETag, Last-Modified, 304 --

    @extend_schema(parameters=[FORMAT_PARAMETER])
    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        data = self.get_serializer(instance).data
        return conditional_response(request, data, modified=int(instance.updated_at.timestamp()))

    # -- writes: workflow for status, If-Match for concurrency --

    def perform_create(self, serializer):
        user = self.request.user
        target = serializer.validated_data.pop("status", Status.DRAFT)
        model = serializer.Meta.model
        check_status_change(
            obj=model(), current=Status.DRAFT, target=target, user=user, content=False
        )
        with transaction.atomic():
            obj = serializer.save()
            # judged on the record as saved; a refusal rolls the creation back
            check_status_change(obj=obj, current=Status.DRAFT, target=target, user=user)
            if target != Status.DRAFT:
                actions.transition(obj=obj, target=target, user=user)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.get_object()
            lock_rows(type(instance)._default_manager.filter(pk=instance.pk)).first()
            if pending.must_propose(request.user, instance):
                return self.propose(request, instance, partial=partial)
            self.check_may_change(request, instance)
            self.check_if_match(request, instance)
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        # read again by key: the slug in the URL may be the one this update replaced
        self.kwargs[self.lookup_url_kwarg or self.lookup_field] = serializer.instance.slug
        fresh = self.get_object()
        data = self.get_serializer(fresh).data
        response = Response(data)
        response["ETag"] = etag_of(data, media_type_of(request))
        return response

    def propose(self, request, instance, *, partial: bool) -> Response:
        """A Contributor's update of a published record: kept as its pending changes (202),
        published by an Editor; readers, and this API's reads, keep the live version.
        ``"status": "review"`` submits the changes for review."""
        self.check_if_match(request, instance)
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        target = serializer.validated_data.pop("status", None)
        if target not in (None, Status.PUBLISHED, Status.REVIEW):
            check_status_change(
                obj=instance, current=Status.PUBLISHED, target=target, user=request.user
            )
        try:
            revision = pending.SavePendingChanges(
                instance, user=request.user, save=serializer.save, submit=target == Status.REVIEW
            ).execute()
        except rights.ChangeRefused as exc:
            raise exceptions.PermissionDenied(str(exc)) from exc
        opts = instance._meta
        return Response(
            {
                "detail": (
                    f"Your changes to this published {opts.verbose_name} were saved as pending "
                    f"changes ({revision.get_state_display().lower()}): readers see the "
                    "published version until an Editor publishes them."
                ),
                "pending_changes": {
                    "state": revision.state,
                    "updated_at": revision.updated_at,
                    "go_live_at": revision.go_live_at,
                    "admin_url": request.build_absolute_uri(
                        reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]
                        )
                    ),
                },
            },
            status=status.HTTP_202_ACCEPTED,
        )

    def check_may_change(self, request, instance) -> None:
        """As in the admin: what readers can see (a published record, its rows) is changed by
        Editors; a Contributor works on drafts."""
        try:
            rights.check_may_change(request.user, instance)
        except rights.ChangeRefused as exc:
            raise exceptions.PermissionDenied(str(exc)) from exc

    def check_if_match(self, request, instance) -> None:
        """Lost updates are refused, not merged: a write to a record names, in ``If-Match``,
        the ETag of the version it was made from (428 without one, 412 when another write
        came first). Compared strongly (RFC 9110, 13.1.1): a weak tag never matches."""
        header = request.headers.get("If-Match")
        if not header:
            raise PreconditionRequired(
                "Send the record's ETag in If-Match: read the record (GET), make your change, "
                "and send the ETag of what you read, so that no one else's change is "
                "overwritten unseen."
            )
        wanted = parse_etags(header)
        data = self.get_serializer(instance).data
        current = etag_of(data)
        # the ETag of the JSON read, or of what this client reads in (CSV, the browsable API)
        readable = {current, etag_of(data, media_type_of(request))}
        if "*" not in wanted and not readable & set(wanted):
            raise PreconditionFailed(
                "This record has changed since you read it (its ETag is now "
                f"{current}). Read it again, re-apply your change, and send the new ETag in "
                "If-Match."
            )

    def perform_update(self, serializer):
        user = self.request.user
        instance = serializer.instance
        target = serializer.validated_data.pop("status", None)
        stored = type(instance)._default_manager.get(pk=instance.pk).status
        if target is not None:
            check_status_change(
                obj=instance, current=stored, target=target, user=user, content=False
            )
            # what the record will hold (a summary sent with the publication) is judged
            concrete = {f.name for f in instance._meta.concrete_fields}
            for name, value in serializer.validated_data.items():
                if name in concrete:
                    setattr(instance, name, value)
            check_status_change(obj=instance, current=stored, target=target, user=user)
        actions.SaveRecord(instance, user=user, status=target, save=serializer.save).execute()
