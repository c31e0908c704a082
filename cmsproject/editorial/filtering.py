"""Filters shared by the public list pages and the API: related records by slug or by ISO code,
and years. A value that names no record the user may see is a form error: shown on a page, a
400 naming the parameter in the API."""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from drf_spectacular.drainage import set_override


def visible_choices(model: type[models.Model]) -> Callable:
    """A filter's choices: the records of ``model`` the request's user may see (published ones
    for readers, see ``visible_to``); every record of a model that is not Publishable."""

    def choices(request=None) -> models.QuerySet:
        queryset = model._default_manager.all()
        if hasattr(queryset, "visible_to"):
            return queryset.visible_to(getattr(request, "user", None))
        return queryset

    return choices


class ListSelect(forms.Select):
    """A select of records rendered in one pass. Django renders each option through its own
    template, so a list page's select of every outlet or place cost more than the page's
    query and grew with the archive; this writes the same markup (``optgroups`` and each
    option's attributes, ``selected`` among them) directly."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]

        def options(group: list[dict]) -> str:
            return format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    ("" if o["value"] is None else o["value"], flatatt(o["attrs"]), o["label"])
                    for o in group
                ),
            )

        body = format_html_join(
            "",
            "{}",
            (
                (
                    options(group)
                    if label is None
                    else format_html('<optgroup label="{}">{}</optgroup>', label, options(group)),
                )
                for label, group, _index in widget["optgroups"]
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), body
        )


class SlugChoiceField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": "No record has the slug “%(value)s” (or it is not published)."
    }


class CodeOrSlugChoiceField(forms.ModelChoiceField):
    """An organization by ISO 3166 alpha-3 code (any case) or by slug; a page's select offers
    a state by its code and any other body by its slug."""

    default_error_messages = {
        "invalid_choice": (
            "Select a valid choice: “%(value)s” is neither the ISO 3166 alpha-3 code nor the "
            "slug of a published record here, e.g. KAZ or kazakhstan."
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
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found

    def prepare_value(self, value):
        if hasattr(value, "_meta"):
            return value.iso_code or value.slug
        return super().prepare_value(value)

    def bound_data(self, data, initial):
        # ?country=kazakhstan selects Kazakhstan in a page's form, as ?country=KAZ does.
        try:
            return self.prepare_value(self.to_python(data))
        except ValidationError:
            return data


# CharFilter is a base only so that the schema says "string" and keeps the help text.
class SlugFilter(django_filters.ModelChoiceFilter, django_filters.CharFilter):
    """A related record given by slug; only records the user may see are accepted."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", ListSelect)
        super().__init__(*args, **kwargs)


class StateFilter(django_filters.ModelChoiceFilter, django_filters.CharFilter):
    """An organization given by ISO alpha-3 code or by slug."""

    field_class = CodeOrSlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", ListSelect)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    """Records whose date (``field_name``) falls in a year from 1 to 9999."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.update(min_value=1, max_value=9999)
        super().__init__(*args, **kwargs)
        # In the schema: an integer in range, described by the help text.
        schema = {"type": "integer", "minimum": 1, "maximum": 9999}
        set_override(self, "field", {**schema, "description": kwargs.get("help_text", "")})
