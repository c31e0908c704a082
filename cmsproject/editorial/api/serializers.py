"""The base serializer of every record (URLs, staff-only fields, the model's validation, history
under the API user) and :func:`sync_children` for child lists written as a whole."""

from __future__ import annotations

import copy
from collections.abc import Callable

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers

from cmsproject.editorial.models import sees_unpublished
from cmsproject.editorial.paths import absolute, slug_path

from .fastlist import FastListSerializer
from .fields import blank_as_null
from .visibility import absolute_url, is_schema_generation

# What only the newsroom reads: its notes and its schedule.
STAFF_FIELDS = ("editor_note", "go_live_at", "expire_at")


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
        list_serializer_class = FastListSerializer

    def build_standard_field(self, field_name, model_field):
        # A blank URL or code is answered as null, not "" (see fields.BlankAsNull).
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        nullable = blank_as_null(field_class, model_field)
        if nullable is not None:
            field_kwargs.pop("allow_blank", None)
            return nullable, field_kwargs
        return field_class, field_kwargs

    def get_url(self, obj) -> str | None:
        return absolute_url(obj, self.context.get("request"))

    def get_api_url(self, obj) -> str:
        path = slug_path(f"api:{obj._meta.model_name}-detail", obj.slug)
        return absolute(self.context.get("request"), path)

    def get_fields(self):
        # ModelSerializer works out the fields from the model on every instance; they are
        # the same for every instance of a class, so they are built once and copied.
        cls = type(self)
        prototype = cls.__dict__.get("_prototype_fields")
        if prototype is None:
            prototype = super().get_fields()
            cls._prototype_fields = prototype
        fields = copy.deepcopy(prototype)
        if is_schema_generation(self.context):
            return fields
        request = self.context.get("request")
        model = self.Meta.model
        if not sees_unpublished(getattr(request, "user", None), model):
            for name in getattr(self.Meta, "staff_fields", STAFF_FIELDS):
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
                try:
                    getattr(self, f"save_{name}")(instance, value)
                except serializers.ValidationError as exc:
                    raise serializers.ValidationError({name: exc.detail}) from exc

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


def _messages(exc: DjangoValidationError) -> dict | list:
    return exc.message_dict if hasattr(exc, "error_dict") else exc.messages


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
        try:
            # the model's own rules, as for the record: a row is not saved on weaker terms
            child.full_clean(validate_constraints=False)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({order: _messages(exc)}) from exc
        child._history_user = user
        child.save()
        kept.add(child.pk)
    for child in existing.values():
        if child.pk not in kept:
            child._history_user = user
            child.delete()
