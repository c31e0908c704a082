"""Serializer fields for related records: ``{slug, name, url}`` links and child lists that
leave out what the reader may not see."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type, build_object_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField

from .visibility import absolute_url, is_visible, visible


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
