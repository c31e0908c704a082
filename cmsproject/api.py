"""The API's shared base: visibility, pagination, filters, status changes, ETags, errors.

Every viewset in ``events/api`` and ``sources/api`` is a :class:`RecordViewSet`, so the rules
live here once:

* Readers (anonymous, or without editor rights) see published records only, through
  ``visible_to(user)``; related records and citations shown inside a record follow the same
  rule (:class:`RecordLink`, :func:`is_visible`). Lists show published records unless an
  editor asks for others with ``?status=draft,review`` or ``?status=all``; a reader who asks
  gets a 400.
* Writes follow model permissions (DRF's ``DjangoModelPermissions``); a change of ``status``
  goes through :mod:`cmsproject.workflow`, so a contributor cannot publish (403, nothing saved).
  Records are never deleted through the API: editors withdraw them.
* Detail responses carry an ``ETag`` (a hash of the representation) and ``Last-Modified``;
  ``If-None-Match`` / ``If-Modified-Since`` answer 304, a stale ``If-Match`` on PUT/PATCH 412.
* A bad filter value or an unknown query parameter is a 400 naming the parameter.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
from collections.abc import Callable

import django_filters
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type, build_object_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.fields import get_error_detail
from rest_framework.pagination import PageNumberPagination
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from . import workflow
from .editorial import Publishable, Status, sees_unpublished

MAX_PAGE_SIZE = 100
PAGE_SIZE = 20


# --- visibility -------------------------------------------------------------------------------


def visible(queryset: models.QuerySet, request) -> models.QuerySet:
    """``queryset`` narrowed to what the request's user may see (no-op for other records)."""
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(getattr(request, "user", None))
    return queryset


def is_visible(obj, request) -> bool:
    """Whether a related record already loaded may be shown to the request's user."""
    if not isinstance(obj, Publishable) or obj.is_published:
        return True
    return sees_unpublished(getattr(request, "user", None), type(obj))


def absolute_url(obj, request) -> str | None:
    if not hasattr(obj, "get_absolute_url"):
        return None
    path = obj.get_absolute_url()
    return request.build_absolute_uri(path) if request is not None else path


def is_schema_generation(context) -> bool:
    return getattr(context.get("view"), "swagger_fake_view", False)


# --- fields and serializers -------------------------------------------------------------------


class VisibleManyRelatedField(ManyRelatedField):
    """A list of related records without those the reader may not see."""

    def to_representation(self, iterable):
        request = self.context.get("request")
        return [
            self.child_relation.to_representation(obj)
            for obj in iterable
            if is_visible(obj, request)
        ]


class VisibleChildList(serializers.ListSerializer):
    """Child rows (participants, signatories, citations…) without those that point at a record
    the reader may not see; the child serializer names them in ``Meta.visible_through``."""

    def to_representation(self, data):
        request = self.context.get("request")
        through = getattr(self.child.Meta, "visible_through", ())
        items = data.all() if hasattr(data, "all") else data
        return [
            self.child.to_representation(item)
            for item in items
            if all(
                (related := getattr(item, name)) is None or is_visible(related, request)
                for name in through
            )
        ]


class RecordLink(serializers.SlugRelatedField):
    """A related record: written as its slug, read as ``{slug, name, url}`` (``url`` is its
    public page). A draft is shown only to those who may see drafts, otherwise as null (or left
    out of a list). Reading back what was read works too: ``{"slug": …}`` is accepted."""

    def __init__(self, *, label: str = "name", **kwargs):
        kwargs.setdefault("slug_field", "slug")
        self.label_attr = label
        super().__init__(**kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return VisibleManyRelatedField(**list_kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        return visible(queryset, self.context.get("request")) if queryset is not None else None

    def get_attribute(self, instance):
        obj = super().get_attribute(instance)
        if obj is not None and not is_visible(obj, self.context.get("request")):
            return None
        return obj

    def to_representation(self, obj) -> dict:
        return {
            "slug": obj.slug,
            self.label_attr: str(getattr(obj, self.label_attr)),
            "url": absolute_url(obj, self.context.get("request")),
        }

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("slug")
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class RecordLinkExtension(OpenApiSerializerFieldExtension):
    """In the schema: a slug in requests, a ``{slug, name, url}`` object in responses."""

    target_class = RecordLink
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        if direction == "request":
            return build_basic_type(OpenApiTypes.STR)
        return build_object_type(
            properties={
                "slug": build_basic_type(OpenApiTypes.STR),
                field.label_attr: build_basic_type(OpenApiTypes.STR),
                "url": {**build_basic_type(OpenApiTypes.URI), "nullable": True},
            },
            required=["slug", field.label_attr, "url"],
        )


class RecordSerializer(serializers.ModelSerializer):
    """Base of every record's serializer: public URL, API URL, status, full_clean on write.

    ``Meta.staff_fields`` are dropped for readers (``editor_note``; a source's ``body``);
    ``Meta.many_to_many`` lists the writable many-to-many fields, set after the record is saved.
    """

    url = serializers.SerializerMethodField(help_text="The record's page on the public site.")
    api_url = serializers.SerializerMethodField(help_text="This record in the API.")

    class Meta:
        staff_fields: tuple[str, ...] = ("editor_note",)
        read_only_fields = ("published_at", "created_at", "updated_at")
        extra_kwargs = {"slug": {"required": False, "help_text": "Made from the name if omitted."}}
        # Unique constraints are checked by the model's full_clean() in validate(), as the
        # admin does; DRF's own validators would demand every constrained field.
        validators: list = []

    def get_url(self, obj) -> str | None:
        return absolute_url(obj, self.context.get("request"))

    def get_api_url(self, obj) -> str:
        path = reverse(f"api:{obj._meta.model_name}-detail", kwargs={"slug": obj.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def get_fields(self):
        fields = super().get_fields()
        if is_schema_generation(self.context):
            return fields
        request = self.context.get("request")
        model = self.Meta.model
        if not sees_unpublished(getattr(request, "user", None), model):
            for name in getattr(self.Meta, "staff_fields", ("editor_note",)):
                fields.pop(name, None)
        return fields

    # -- validation: the model's own rules, as the admin applies them --

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        m2m = set(getattr(self.Meta, "many_to_many", ()))
        nested = set(getattr(self.Meta, "nested", ()))
        candidate = copy.copy(self.instance) if self.instance else model()
        for name, value in attrs.items():
            if name not in m2m | nested | {"status"}:
                setattr(candidate, name, value)
        exclude = ["status", "slug"] if not candidate.slug else ["status"]
        try:
            candidate.full_clean(exclude=exclude)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(self._named_as_sent(exc)) from exc
        return attrs

    def _named_as_sent(self, exc: DjangoValidationError) -> dict | list:
        """The model's errors under the names the client used (``original_url``, not ``url``)."""
        errors = serializers.as_serializer_error(exc)
        by_source = {f.source: name for name, f in self.fields.items() if not f.read_only}
        return {by_source.get(key, key): value for key, value in errors.items()}

    # -- saving: history under the API user, m2m and nested lists after the record --

    def _stamp(self, instance) -> None:
        user = self.context["request"].user
        instance.updated_by = user
        if instance.pk is None:
            instance.created_by = user
        instance._history_user = user

    def _split(self, validated_data) -> tuple[dict, dict]:
        later = {}
        for name in (*getattr(self.Meta, "many_to_many", ()), *getattr(self.Meta, "nested", ())):
            if name in validated_data:
                later[name] = validated_data.pop(name)
        return validated_data, later

    def _save_related(self, instance, later: dict) -> None:
        for name, value in later.items():
            if name in getattr(self.Meta, "many_to_many", ()):
                getattr(instance, name).set(value)
            else:
                getattr(self, f"save_{name}")(instance, value)

    def create(self, validated_data):
        data, later = self._split(dict(validated_data))
        instance = self.Meta.model(**data)
        self._stamp(instance)
        instance.save()
        self._save_related(instance, later)
        return instance

    def update(self, instance, validated_data):
        data, later = self._split(dict(validated_data))
        for name, value in data.items():
            setattr(instance, name, value)
        self._stamp(instance)
        instance.save()
        self._save_related(instance, later)
        return instance


def sync_children(
    *,
    manager,
    items: list[dict],
    key: tuple[str, ...],
    make: Callable[[], models.Model],
    user,
    extra: Callable[[int], dict] | None = None,
) -> None:
    """Make the related ``manager`` hold exactly ``items`` (dicts of field values).

    Children are matched on ``key`` so unchanged ones keep their identity and history; the
    rest are updated, created (with ``make()``) or deleted. Each save is recorded under ``user``.
    """
    existing = {tuple(getattr(c, k) for k in key): c for c in manager.all()}
    kept = set()
    for order, item in enumerate(items):
        values = {**item, **(extra(order) if extra else {})}
        child = existing.get(tuple(values.get(k) for k in key)) or make()
        for name, value in values.items():
            setattr(child, name, value)
        child._history_user = user
        child.save()
        kept.add(child.pk)
    for child in existing.values():
        if child.pk not in kept:
            child._history_user = user
            child.delete()


# --- filters ----------------------------------------------------------------------------------

STATUS_HELP = (
    "Editors only: the workflow statuses to list, comma-separated (draft, review, published, "
    "withdrawn), or `all`. Without it lists show published records. Readers get a 400."
)


class SlugChoiceField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": "No record has the slug “%(value)s” (or it is not published)."
    }


class CodeOrSlugChoiceField(forms.ModelChoiceField):
    """An organization by ISO 3166 alpha-3 code (any case) or by slug."""

    default_error_messages = {
        "invalid_choice": (
            "“%(value)s” is neither the ISO 3166 alpha-3 code nor the slug of a published "
            "record here, e.g. KAZ or kazakhstan."
        )
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        found = None
        if len(value) == 3 and value.isalpha():
            found = self.queryset.filter(iso_code=value.upper()).first()
        found = found or self.queryset.filter(slug=value).first()
        if found is None:
            raise DjangoValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


# CharFilter is a base only so that the schema says "string" and keeps the help text.
class SlugFilter(django_filters.ModelChoiceFilter, django_filters.CharFilter):
    """A related record given by slug; only records the user may see are accepted."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class StateFilter(django_filters.ModelChoiceFilter, django_filters.CharFilter):
    """An organization given by ISO alpha-3 code or by slug."""

    field_class = CodeOrSlugChoiceField


class RecordFilterSet(django_filters.FilterSet):
    """Base FilterSet of the API lists: the ``status`` filter and the published default."""

    status = django_filters.CharFilter(method="filter_status", help_text=STATUS_HELP)

    def filter_status(self, queryset, name: str, value: str):
        wanted = {v.strip() for v in value.split(",") if v.strip()}
        unknown = wanted - set(Status.values) - {"all"}
        if unknown:
            raise exceptions.ValidationError(
                {
                    "status": [
                        f"Unknown status {', '.join(sorted(unknown))}: use "
                        f"{', '.join(Status.values)} or all."
                    ]
                }
            )
        if wanted - {Status.PUBLISHED} and not sees_unpublished(
            getattr(self.request, "user", None), queryset.model
        ):
            raise exceptions.ValidationError(
                {"status": ["Only published records are available without editor rights."]}
            )
        return queryset if "all" in wanted else queryset.filter(status__in=wanted)

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.published()
        return super().filter_queryset(queryset)


class FilterBackend(DjangoFilterBackend):
    """django-filter, plus a 400 for a query parameter the list does not know (a misspelt
    filter would otherwise be silently ignored)."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            known = set(filterset_class.base_filters) | {"format"} | view.pagination_params()
            unknown = sorted(set(request.query_params) - known)
            if unknown:
                raise exceptions.ValidationError(
                    {
                        name: [f"Unknown parameter; this list accepts {', '.join(sorted(known))}."]
                        for name in unknown
                    }
                )
        return super().filter_queryset(request, queryset, view)


# --- pagination -------------------------------------------------------------------------------


class Pagination(PageNumberPagination):
    """``count``, ``next``, ``previous``, ``results``; ``page_size`` up to ``MAX_PAGE_SIZE``."""

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = (
        f"Records per page: {PAGE_SIZE} unless given, at most {MAX_PAGE_SIZE} (larger values "
        f"are capped)."
    )

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise exceptions.ValidationError(
                {"page_size": [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return min(int(raw), self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        if raw != "last" and (not raw.isdigit() or int(raw) < 1):
            raise exceptions.ValidationError({"page": ["Give a page number from 1."]})
        return raw


# --- status changes through the workflow ------------------------------------------------------


class StatusChangeRefused(exceptions.PermissionDenied):
    """The workflow refused the status change (a contributor publishing, say)."""


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "This record has changed since you read it."
    default_code = "precondition_failed"


def check_status_change(*, obj: Publishable, current: str, target: str, user) -> None:
    """400 for a move the workflow never allows, 403 for one this user may not make."""
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
        workflow.check_transition(obj=obj, current=current, target=target, user=user)
    except workflow.WorkflowError as exc:
        raise StatusChangeRefused({"status": [str(exc)]}) from exc


# --- conditional requests ---------------------------------------------------------------------


def etag_of(data) -> str:
    payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return quote_etag(hashlib.sha256(payload.encode()).hexdigest()[:32])


# --- CSV export -------------------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):  # a related record
        return str(value.get("name") or value.get("title") or value.get("slug") or "")
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    # A spreadsheet would run "=…" as a formula; numbers such as -12.5 stay as they are.
    if text[:1] in ("=", "+", "-", "@") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


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
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(flat_rows)
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
            name = self.basename if self.action == "list" else kwargs.get("slug", self.basename)
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


# --- the base viewset -------------------------------------------------------------------------


class RecordViewSet(
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

    # -- reading one record: ETag, Last-Modified, 304 --

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        data = self.get_serializer(instance).data
        etag = etag_of(data)
        modified = int(instance.updated_at.timestamp())
        match = request.headers.get("If-None-Match")
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        if match:
            not_modified = bool({etag, "*"} & set(parse_etags(match)))
        else:
            not_modified = since is not None and modified <= since
        response = Response(status=status.HTTP_304_NOT_MODIFIED) if not_modified else Response(data)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        return response

    # -- writes: workflow for status, If-Match for concurrency --

    def perform_create(self, serializer):
        user = self.request.user
        target = serializer.validated_data.pop("status", Status.DRAFT)
        model = serializer.Meta.model
        check_status_change(obj=model(), current=Status.DRAFT, target=target, user=user)
        with transaction.atomic():
            obj = serializer.save()
            if target != Status.DRAFT:
                workflow.transition(obj=obj, target=target, user=user)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.get_object()
            type(instance)._default_manager.select_for_update().filter(pk=instance.pk).first()
            self.check_if_match(request, instance)
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        fresh = self.get_object()
        data = self.get_serializer(fresh).data
        response = Response(data)
        response["ETag"] = etag_of(data)
        return response

    def check_if_match(self, request, instance) -> None:
        header = request.headers.get("If-Match")
        if not header:
            return
        wanted = parse_etags(header)
        current = etag_of(self.get_serializer(instance).data)
        if "*" not in wanted and current not in wanted:
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
            check_status_change(obj=instance, current=stored, target=target, user=user)
        obj = serializer.save()
        if target is not None and target != stored:
            workflow.transition(obj=obj, target=target, user=user)


# --- errors -----------------------------------------------------------------------------------


def exception_handler(exc, context):
    """DRF's handler, plus readable answers for what Django raises inside a write.

    A Django ValidationError becomes a 400 naming its fields; a workflow refusal a 403 whose
    message says why (DRF would replace it with a generic one).
    """
    if isinstance(exc, workflow.WorkflowError):
        exc = StatusChangeRefused({"status": [str(exc)]})
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(get_error_detail(exc))
    elif isinstance(exc, models.ProtectedError):
        exc = exceptions.ValidationError({"detail": [str(exc.args[0])]})
    return drf_exception_handler(exc, context)
