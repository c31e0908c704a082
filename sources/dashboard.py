"""The sources' panel on the editor's desk: what was imported lately."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from cmsproject.editorial import dashboard
from cmsproject.editorial.visibility import unrestricted

from .models import Source

RECENT = timedelta(days=7)


def recent_imports(request: HttpRequest) -> dashboard.Panel | None:
    """Sources added in the last week, newest first, with the way to import more."""
    if not request.user.has_perm("sources.view_source"):
        return None
    since = timezone.now() - RECENT
    with unrestricted():
        recent = Source._base_manager.filter(created_at__gte=since)
        count = recent.count()
        shown = list(
            recent.select_related("outlet", "created_by")
            .only("pk", "title", "status", "created_at", "outlet__name", "created_by__username")
            .order_by("-created_at", "-pk")[: dashboard.SHOWN]
        )
    items = [
        dashboard.Item(
            label=source.title,
            url=dashboard.change_url(source),
            kind=source.outlet.name if source.outlet else "source",
            detail=f"{source.get_status_display().lower()}, imported "
            f"{source.created_at:%Y-%m-%d %H:%M}"
            + (f" by {source.created_by.username}" if source.created_by else ""),
            when=source.created_at,
        )
        for source in shown
    ]
    may_import = request.user.has_perm("sources.add_source")
    return dashboard.Panel(
        key="imports",
        title="Recent imports (7 days)",
        count=count,
        items=items,
        link=reverse("admin:sources_source_import") if may_import else "",
        link_label="Import articles",
        empty="Nothing imported this week.",
    )


dashboard.register(recent_imports, order=60)
