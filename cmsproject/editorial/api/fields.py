"""Serializer fields for related records (``{slug, name, url, api_url}`` links, child lists
that leave out what the reader may not see) and for text kept blank when empty but answered as
null."""

from __future__ import annotations

from django.core import validators
from django.db import models
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type, build_object_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField

from .visibility import absolute_url, api_detail_url


class VisibleChildList(serializers.ListSerializer):
    """Child rows (participants, signatories, citations…). What the reader may not see is left
    out by the visibility layer before the rows are read (a row whose record is hidden does not
    exist for that reader), so this is the plain list; ``Meta.visible_through`` still names the
    records a row needs, for the schema's descriptions."""


class RecordLink(serializers.SlugRelatedField):
    """A related record: written as its slug, read as ``{slug, name, url, api_url}`` (``url``
    is its public page, ``api_url`` its API detail, null for a record type the API does not
    serve). A draft is shown only to those who may see drafts, otherwise as null (or left
    out of a list): the visibility layer decides, for the request's user. Reading back what
    was read works too: ``{"slug": …}`` is accepted."""

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
        return ManyRelatedField(**list_kwargs)

    def to_representation(self, obj) -> dict:
        return {
            "slug": obj.slug,
            self.label_attr: str(getattr(obj, self.label_attr)),
            "url": absolute_url(obj, self.context.get("request")),
            "api_url": api_detail_url(obj, self.context.get("request")),
        }

    def get_choices(self, cutoff=None):
        # The browsable API's forms list the records to choose from, keyed by what a client
        # sends: the slug (DRF keys them by the representation, a dict here).
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {item.slug: self.display_value(item) for item in queryset}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("slug")
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class RecordLinkExtension(OpenApiSerializerFieldExtension):
    """In the schema: a slug in requests, a ``{slug, name, url, api_url}`` object in
    responses."""

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
                "api_url": {
                    **build_basic_type(OpenApiTypes.URI),
                    "nullable": True,
                    "description": "The record in this API; null where the API has no "
                    "endpoint for its kind.",
                },
            },
            required=["slug", field.label_attr, "url", "api_url"],
        )


class BlankAsNull:
    """A text field with a format or pattern (a URL, an ISO code) that the model keeps as ""
    when empty: answered as ``null``, and ``null`` or ``""`` accepted to empty it. A blank
    string is not a URL, so a schema saying "a URL, or a string of length 0" (the only way to
    describe "" with a format) is a ``oneOf`` that strict validators refuse and generated
    clients turn into unions; "a URL or null" is what every tool reads."""

    blank_as_null = True

    def __init__(self, **kwargs):
        kwargs["allow_blank"] = True
        kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return (True, "")  # the column is NOT NULL: empty is stored as ""
        return super().validate_empty_values(data)

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


class BlankAsNullURLField(BlankAsNull, serializers.URLField):
    pass


class BlankAsNullCharField(BlankAsNull, serializers.CharField):
    pass


def has_format(model_field: models.Field) -> bool:
    """Whether the schema describes ``model_field``'s values with a format or pattern (which
    "" does not satisfy)."""
    formats = (validators.URLValidator, validators.EmailValidator, validators.RegexValidator)
    return any(isinstance(v, formats) for v in model_field.validators)


def blank_as_null(field_class: type, model_field: models.Field) -> type | None:
    """The blank-as-null variant of a ModelSerializer's field class for a text column that may
    be blank and has a format, or None when the column needs none."""
    if not (
        isinstance(model_field, models.CharField)
        and model_field.blank
        and not model_field.null
        and not model_field.choices
        and has_format(model_field)
    ):
        return None
    if issubclass(field_class, serializers.URLField):
        return BlankAsNullURLField
    if field_class is serializers.CharField:
        return BlankAsNullCharField
    return type(f"BlankAsNull{field_class.__name__}", (BlankAsNull, field_class), {})
