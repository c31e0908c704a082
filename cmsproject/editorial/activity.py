"""The admin's Activity page: the log of :mod:`.audit`, filtered, paginated, downloadable."""

from __future__ import annotations

from collections.abc import Iterator

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from . import spreadsheet
from .audit import ACTIONS, Cursor, Entry, Filters, activity_page, iter_activity, record_models

PAGE_SIZE = 50


class ActivityFilterForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(is_staff=True).order_by("username"),
        required=False,
        empty_label="anyone",
    )
    action = forms.ChoiceField(required=False, choices=[("", "any action"), *ACTIONS.items()])
    record_type = forms.ChoiceField(required=False)
    date_from = forms.DateField(
        required=False, label="from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="to", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [
            ("", "any record"),
            *((m._meta.label_lower, m._meta.verbose_name) for m in record_models()),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError("The end of the date range is before its start.")
        return cleaned

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            user_id=data["user"].pk if data.get("user") else None,
            action=data.get("action") or "",
            model=data.get("record_type") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


def activity_view(request: HttpRequest) -> HttpResponse:
    """Staff only (wrapped in ``admin.site.admin_view``); each sees the record types they may
    view."""
    form = ActivityFilterForm(request.GET)
    valid = form.is_valid()
    filters = form.filters() if valid else None
    if valid and request.GET.get("format") == "csv":
        return _csv_response(iter_activity(user=request.user, filters=filters))
    page = None
    if valid:
        page = activity_page(
            user=request.user,
            filters=filters,
            before=Cursor.parse(request.GET.get("before")),
            after=Cursor.parse(request.GET.get("after")),
            size=PAGE_SIZE,
        )
    query = request.GET.copy()
    for key in ("before", "after", "format"):
        query.pop(key, None)
    context = {
        **admin.site.each_context(request),
        "title": "Activity",
        "form": form,
        "page": page,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/activity.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(entries: Iterator[Entry]) -> Iterator[str]:
    writer = spreadsheet.writer(_Echo())  # every cell neutralised
    yield writer.writerow(["when", "user", "action", "record type", "record id", "record", "note"])
    for e in entries:
        yield writer.writerow(
            [
                timezone.localtime(e.date).isoformat(),
                e.user,
                e.action_label,
                e.record_type,
                e.object_id,
                e.label,
                e.reason,
            ]
        )


def _csv_response(entries: Iterator[Entry]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv_lines(entries), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="caravan-activity-{stamp}.csv"'
    return response


def scheduled_view(request: HttpRequest) -> HttpResponse:
    """Staff only: what is scheduled to go live or expire, soonest first."""
    from .scheduling import planned

    context = {
        **admin.site.each_context(request),
        "title": "Scheduled",
        "planned": planned(request.user),
        "now": timezone.now(),
    }
    return TemplateResponse(request, "admin/scheduled.html", context)
