"""Lists serialized at the cost of reading attributes: the same output as DRF's ListSerializer.

DRF serializes every row field by field through ``get_attribute`` / ``to_representation``,
with a ``SkipField`` guard and a ``None`` check around each. A list of twenty events (ten
fields) is two hundred of those round trips, most of which read a plain column. Here each
readable field is turned once per list into a small function of the row: plain columns
(text, choices, numbers, booleans, dates) read the attribute directly, method fields call
their method, and anything else goes through DRF exactly as before. ``tests/api`` compare the
output with DRF's own for every list endpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from rest_framework import fields as drf
from rest_framework import serializers
from rest_framework.settings import api_settings

_SKIP = object()

# Exact classes whose to_representation is a pure function of a plain attribute.
_TEXT = {drf.CharField, drf.SlugField, drf.EmailField, drf.URLField, drf.RegexField}


def _direct(field: drf.Field) -> Callable[[Any], Any] | None:
    """A faster reader of ``field`` when it reads one attribute of the row, else ``None``."""
    source = field.source
    if not isinstance(source, str) or "." in source or source == "*":
        return None
    kind = type(field)
    if kind in _TEXT:
        return lambda obj: None if (v := getattr(obj, source)) is None else str(v)
    if getattr(field, "blank_as_null", False) and isinstance(field, drf.CharField):
        return lambda obj: str(v) if (v := getattr(obj, source)) not in ("", None) else None
    if kind is drf.IntegerField:
        return lambda obj: None if (v := getattr(obj, source)) is None else int(v)
    if kind is drf.BooleanField:

        def boolean(obj):
            value = getattr(obj, source)
            return value if type(value) is bool else _SKIP

        return boolean
    if kind is drf.ChoiceField:
        lookup = field.choice_strings_to_values

        def choice(obj):
            value = getattr(obj, source)
            if value in ("", None):
                return value
            return lookup.get(str(value), value)

        return choice
    if kind is drf.DateField:
        output = getattr(field, "format", api_settings.DATE_FORMAT)
        if isinstance(output, str) and output.lower() == drf.ISO_8601:
            return lambda obj: None if not (v := getattr(obj, source)) else v.isoformat()
    return None


def _reader(field: drf.Field, parent: serializers.Serializer) -> Callable[[Any], Any]:
    if isinstance(field, serializers.SerializerMethodField):
        return getattr(parent, field.method_name)
    fast = _direct(field)
    generic = _generic(field)
    if fast is None:
        return generic

    def read(obj):
        value = fast(obj)
        return generic(obj) if value is _SKIP else value  # an odd value: let DRF decide

    return read


def _generic(field: drf.Field) -> Callable[[Any], Any]:
    def read(obj):
        try:
            attribute = field.get_attribute(obj)
        except drf.SkipField:
            return _SKIP
        check = attribute.pk if isinstance(attribute, serializers.PKOnlyObject) else attribute
        return None if check is None else field.to_representation(attribute)

    return read


class FastListSerializer(serializers.ListSerializer):
    """``many=True`` of a :class:`~cmsproject.editorial.api.RecordSerializer`: DRF's output,
    faster."""

    def to_representation(self, data):
        rows = data.all() if isinstance(data, models.manager.BaseManager) else data
        child = self.child
        plan = [(f.field_name, _reader(f, child)) for f in child._readable_fields]
        out = []
        for obj in rows:
            item = {}
            for name, read in plan:
                value = read(obj)
                if value is not _SKIP:
                    item[name] = value
            out.append(item)
        return out
