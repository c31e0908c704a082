"""Machine-readable views of published events: Atom feeds and an iCalendar file."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from cmsproject.editorial.dates import day_after

from . import selectors
from .models import DatePrecision, Event, Organization

FEED_SIZE = 50


class EventsFeed(Feed):
    """The latest published events, for all states or (``/feeds/events/KAZ/``) one.

    A valid Atom feed (RFC 4287, as the W3C feed validator reads it): the newsroom is the
    feed's author, so no entry needs one of its own; ``id``, ``updated``, the ``self`` and
    ``alternate`` links come from Django's generator."""

    feed_type = Atom1Feed

    def author_name(self) -> str:
        return settings.CARAVAN_SITE_NAME

    def get_object(self, request, country: str | None = None):
        if country is None:
            return None
        state = Organization.objects.published().states().filter(iso_code=country.upper()).first()
        if state is None:
            raise Http404("No such country.")
        return state

    def title(self, obj) -> str:
        return f"Caravan: events with {obj.name}" if obj else "Caravan: events"

    def subtitle(self, obj) -> str:
        return "Summits, meetings, visits and agreements between China and Central Asia."

    def link(self, obj) -> str:
        url = reverse("site:event-list")
        return f"{url}?country={obj.iso_code}" if obj else url

    def items(self, obj):
        events = selectors.event_list()
        if obj is not None:
            events = selectors.involving_state(events, obj.iso_code)
        return events.order_by("-published_at", "-start_date")[:FEED_SIZE]

    def item_title(self, item: Event) -> str:
        return f"{item.title} ({item.date_display})"

    def item_description(self, item: Event) -> str:
        # The summary is plain text and Atom's summary is typed "html": escaped, a "<" in it
        # reads as the character, not as markup.
        return escape(item.summary or item.title)

    def item_pubdate(self, item: Event) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Event) -> datetime.datetime:
        return item.updated_at


# RFC 5545 TEXT allows no control character but the tab; a line break is written as \n.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _ics_escape(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, every kind of line break (a lone
    CR too, which some libraries would take for the end of the line) written as ``\\n``."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub("", _LINE_BREAK.sub("\\\\n", text))


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue with a leading space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


ICS_SIZE = 500


def calendar_days(event: Event) -> tuple[datetime.date, datetime.date]:
    """An all-day entry's first day and the day after its last (DTEND is exclusive). An event
    known only to the month or the year spans that month or year: pinning it to the first
    would give readers a day nobody reported."""
    first, last = event.start_date, event.end_date or event.start_date
    try:
        if event.date_precision == DatePrecision.MONTH:
            next_month = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            return first.replace(day=1), next_month
        if event.date_precision == DatePrecision.YEAR:
            return first.replace(month=1, day=1), datetime.date(last.year + 1, 1, 1)
    except (OverflowError, ValueError):  # the calendar's last month or year has no "after"
        return first, datetime.date.max
    return first, day_after(last)


def events_ics(request: HttpRequest) -> HttpResponse:
    """The latest ``ICS_SIZE`` published events (upcoming ones first in line) as an iCalendar
    file of all-day events: what a calendar subscriber follows, not the whole archive.
    ``?country=KAZ`` keeps the events that state took part in."""
    events, name = selectors.event_list(), "Caravan: China and Central Asia"
    code = request.GET.get("country", "").strip()
    if code:
        state = Organization.objects.published().states().filter(iso_code=code.upper()).first()
        if state is None:
            return HttpResponse(
                f"No published state has the ISO 3166 alpha-3 code “{code[:10]}”: use a code "
                "such as KAZ or CHN.\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        events, name = selectors.involving_state(events, state.iso_code), f"Caravan: {state.name}"
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    host = split_domain_port(request.get_host())[0]  # "[::1]:8000" too
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Caravan//Events//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_escape(name)}",
    ]
    latest = events.order_by("-start_date", "-pk")[:ICS_SIZE]
    for event in sorted(latest, key=lambda e: (e.start_date, e.pk)):
        start, end = calendar_days(event)
        where = "Online" if event.is_online else (event.place.name if event.place else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_ics_escape(event.title)}",
            f"URL:{request.build_absolute_uri(event.get_absolute_url())}",
        ]
        if where:
            lines.append(f"LOCATION:{_ics_escape(where)}")
        if event.summary:
            lines.append(f"DESCRIPTION:{_ics_escape(event.summary)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="caravan-events.ics"'
    return response
