"""The admin's home page: an editor's desk of work, not a list of tables.

Each panel counts what waits and lists the first few, linked: what awaits my review, my
drafts, pending changes, what is scheduled, open comments, what was published lately. The
apps add their own panels (suggestions by source, recent imports) with :func:`register`, so
this module names no app. A panel's counts are one query per kind of record (conditional
counts), whatever the size of the archive; its items are read only for kinds that have some.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from . import comments, pending, scheduling
from .models import Status
from .registry import publishable_models
from .rights import can_publish
from .visibility import unrestricted

SHOWN = 6  # items listed per panel; the count and the link lead to the rest


@dataclass
class Item:
    label: str
    url: str
    kind: str = ""
    detail: str = ""
    when: datetime | None = None


@dataclass
class Panel:
    key: str
    title: str
    count: int
    items: list[Item] = field(default_factory=list)
    link: str = ""
    link_label: str = "See all"
    empty: str = "Nothing here."


PanelMaker = Callable[[HttpRequest], "Panel | None"]
_extra: list[tuple[int, PanelMaker]] = []


def register(maker: PanelMaker, *, order: int = 50) -> PanelMaker:
    """Add a panel (an app's) to the desk; ``order`` places it among the built-in ones."""
    _extra.append((order, maker))
    return maker


def change_url(obj: models.Model) -> str:
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def changelist_url(model: type[models.Model], query: str = "") -> str:
    opts = model._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def _viewable_models(user) -> list[type[models.Model]]:
    return [
        m
        for m in publishable_models()
        if user.has_perm(f"{m._meta.app_label}.view_{m._meta.model_name}")
        or user.has_perm(f"{m._meta.app_label}.change_{m._meta.model_name}")
    ]


def _mine(user) -> Q:
    return Q(created_by=user) | Q(updated_by=user)


def _record_panels(request: HttpRequest) -> list[Panel]:
    """Awaiting review, my drafts, scheduled and recently published: one count query per kind
    of record for the four, then the first items of the kinds that have any."""
    user = request.user
    review_label = "Awaiting my review" if _publishes_any(user) else "My work in review"
    wanted = {
        "review": (
            review_label,
            "status=review",
            "Nothing waits for review.",
            lambda m: (
                Q(status=Status.REVIEW)
                if can_publish(user, m)
                else (Q(status=Status.REVIEW) & _mine(user))
            ),
            "-updated_at",
        ),
        "drafts": (
            "My drafts",
            "status=draft",
            "You have no drafts.",
            lambda m: Q(status=Status.DRAFT) & _mine(user),
            "-updated_at",
        ),
        "scheduled": (
            "Scheduled",
            "schedule=go_live",
            "Nothing is scheduled.",
            lambda m: scheduling.WAITING_TO_GO_LIVE,
            "go_live_at",
        ),
        "published": (
            "Recently published",
            "status=published",
            "Nothing published yet.",
            lambda m: Q(status=Status.PUBLISHED, published_at__isnull=False),
            "-published_at",
        ),
    }
    counts = {key: 0 for key in wanted}
    per_model: dict[str, list[tuple[type[models.Model], int]]] = {key: [] for key in wanted}
    with unrestricted():
        for model in _viewable_models(user):
            row = model._base_manager.aggregate(
                **{key: Count("pk", filter=spec[3](model)) for key, spec in wanted.items()}
            )
            for key, n in row.items():
                counts[key] += n
                if n:
                    per_model[key].append((model, n))
        panels = []
        for key, (title, query, empty, condition, order) in wanted.items():
            items: list[tuple[object, Item]] = []
            for model, _ in per_model[key]:
                sort_field = order.lstrip("-")
                for obj in (
                    model._base_manager.filter(condition(model))
                    .select_related("updated_by")
                    .order_by(order, "-pk")[:SHOWN]
                ):
                    items.append((getattr(obj, sort_field), _item(obj, key)))
            items.sort(key=lambda pair: pair[0] or timezone.now(), reverse=order.startswith("-"))
            panels.append(
                Panel(
                    key=key,
                    title=title,
                    count=counts[key],
                    items=[item for _, item in items[:SHOWN]],
                    link=_list_link(per_model[key], query),
                    empty=empty,
                )
            )
    return panels


def _publishes_any(user) -> bool:
    return any(can_publish(user, m) for m in publishable_models())


def _list_link(models_with_counts, query: str) -> str:
    """The admin list of the kind with the most, filtered (the panel lists every kind)."""
    if not models_with_counts:
        return ""
    model = max(models_with_counts, key=lambda pair: pair[1])[0]
    return changelist_url(model, query)


def _who(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _item(obj, key: str) -> Item:
    kind = obj._meta.verbose_name
    if key == "scheduled":
        detail, when = f"goes live {obj.go_live_at:%Y-%m-%d %H:%M} UTC", obj.go_live_at
    elif key == "published":
        detail, when = f"published {obj.published_at:%Y-%m-%d}", obj.published_at
    else:
        who = _who(obj.updated_by)
        detail = f"last saved {obj.updated_at:%Y-%m-%d %H:%M}" + (f" by {who}" if who else "")
        when = obj.updated_at
    return Item(label=str(obj), url=change_url(obj), kind=kind, detail=detail, when=when)


def _pending_panel(request: HttpRequest) -> Panel:
    user = request.user
    found = pending.Revision.objects.filter(state__in=pending.Revision.OPEN).select_related(
        "created_by", "content_type"
    )
    if not _publishes_any(user):
        found = found.filter(Q(created_by=user) | Q(updated_by=user))
    count = found.count()
    items = []
    for revision in found.order_by("-updated_at")[:SHOWN]:
        model = revision.content_type.model_class()
        if model is None:
            continue
        with unrestricted():
            record = model._base_manager.filter(pk=revision.object_id).first()
        if record is None:
            continue
        items.append(
            Item(
                label=str(record),
                url=change_url(record),
                kind=model._meta.verbose_name,
                detail=f"{revision.get_state_display().lower()} by {revision.author}",
                when=revision.updated_at,
            )
        )
    return Panel(
        key="pending",
        title="Pending changes",
        count=count,
        items=items,
        empty="No published record has changes waiting.",
    )


def _records(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], models.Model]:
    """Records by (content type id, pk), one query per kind."""
    found: dict[tuple[int, int], models.Model] = {}
    pairs = sorted(set(pairs))
    with unrestricted():
        for ct_id, group in itertools.groupby(pairs, key=lambda p: p[0]):
            model = ContentType.objects.get_for_id(ct_id).model_class()
            if model is None:
                continue
            for obj in model._base_manager.filter(pk__in=[pk for _, pk in group]):
                found[(ct_id, obj.pk)] = obj
    return found


def _comments_panel(request: HttpRequest) -> Panel:
    found = comments.open_comments()
    count = found.count()
    shown = list(found[:SHOWN])
    records = _records((c.content_type_id, c.object_id) for c in shown)
    items = []
    for comment in shown:
        record = records.get((comment.content_type_id, comment.object_id))
        if record is None:
            continue
        text = (
            comment.text if len(comment.text) <= 90 else comment.text[:89].rsplit(" ", 1)[0] + "…"
        )
        items.append(
            Item(
                label=str(record),
                url=change_url(record) + "#comments",
                kind=record._meta.verbose_name,
                detail=f"{comment.author}: “{text}”",
                when=comment.created_at,
            )
        )
    return Panel(
        key="comments", title="Open comments", count=count, items=items, empty="No open comments."
    )


def panels(request: HttpRequest) -> list[Panel]:
    """The desk of ``request.user``, in the order an editor works through it."""
    review, drafts, scheduled, published = _record_panels(request)
    built_in = [
        (10, review),
        (20, drafts),
        (30, _pending_panel(request)),
        (35, _comments_panel(request)),
        (40, scheduled),
        (70, published),
    ]
    built_in[4][1].link = reverse("admin-scheduled")
    built_in[4][1].link_label = "Everything scheduled"
    extra = [(order, maker(request)) for order, maker in _extra]
    ordered = sorted((*built_in, *extra), key=lambda pair: pair[0])
    return [panel for _, panel in ordered if panel is not None]
