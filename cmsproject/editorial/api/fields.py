"""Serializer fields for related records: ``{slug, name, url, api_url}`` links and child lists
that leave out what the reader may not see."""

from __future__ import annotations

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
