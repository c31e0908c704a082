"""The admin's autocomplete widgets, safe with any submitted value.

Django's autocomplete widgets, redrawing a form that failed validation, look up the value that
was posted as it is: "abc" or a number beyond the column's range for a numeric key ends in a
500 instead of the form with its error. Here the redraw looks up only values the key column
can hold; the field itself still says the choice is not valid.
"""

from __future__ import annotations

from django.contrib.admin import widgets
from django.core.exceptions import ValidationError


class _KnownValuesOnly:
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, self._valid_keys(value), attr)

    def _valid_keys(self, value) -> list:
        opts = self.field.remote_field.model._meta
        key = opts.get_field(getattr(self.field.remote_field, "field_name", opts.pk.attname))
        kept = []
        for item in value:
            try:
                key.run_validators(key.to_python(item))  # its type, within the column's range
            except (ValidationError, TypeError, ValueError):
                continue
            kept.append(item)
        return kept


class AutocompleteSelect(_KnownValuesOnly, widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(_KnownValuesOnly, widgets.AutocompleteSelectMultiple):
    pass


class SafeAutocompleteMixin:
    """For every ModelAdmin and inline: ``autocomplete_fields`` drawn by the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
