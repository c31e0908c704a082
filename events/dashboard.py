"""The linking panel on the editor's desk: suggestions waiting for a decision, by source."""

from __future__ import annotations

from django.db.models import Count, Max
from django.http import HttpRequest

from cmsproject.editorial import dashboard
from cmsproject.editorial.visibility import unrestricted
from sources.models import Source

from .models import Mention


def suggestions(request: HttpRequest) -> dashboard.Panel | None:
    """Sources with suggestions nobody has decided on, the most recent first."""
    if not request.user.has_perm("events.view_mention"):
        return None
    waiting = Mention.objects.filter(decision=Mention.Decision.SUGGESTED)
    by_source = (
        waiting.values("source")
        .annotate(n=Count("pk"), latest=Max("created_at"))
        .order_by("-latest", "-source")
    )
    total = waiting.count()
    rows = list(by_source[: dashboard.SHOWN])
    with unrestricted():
        sources = Source._base_manager.only("pk", "title").in_bulk([r["source"] for r in rows])
    items = []
    for row in rows:
        source = sources.get(row["source"])
        if source is None:
            continue
        items.append(
            dashboard.Item(
                label=source.title,
                url=dashboard.change_url(source) + "#mentions-group",
                kind="source",
                detail=f"{row['n']} suggestion{'s' if row['n'] != 1 else ''} to review",
                when=row["latest"],
            )
        )
    return dashboard.Panel(
        key="suggestions",
        title="Suggestions to review",
        count=total,
        items=items,
        link=dashboard.changelist_url(Mention, "decision__exact=suggested"),
        empty="No suggestions wait for a decision.",
    )


dashboard.register(suggestions, order=50)
