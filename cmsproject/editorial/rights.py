"""Who may change what: what readers can see is changed by Editors only.

:func:`check_may_change` is that rule, and the only place it is written. The admin (forms,
inlines, bulk actions, revert), the API (writes and nested writes), the suggestion queue and the
import all ask it, through :mod:`cmsproject.editorial.actions` or their permission hooks — and,
so that a path nobody thought of cannot get round it, every save, delete and many-to-many change
of an editorial row made while a user is acting (a request, or an action run by a command) asks
it again just before the write (:func:`connect_signals`).

What a reader "can see" is decided by :mod:`cmsproject.editorial.visibility`: a published record,
and a relation row whose ends are all published. A withdrawn record is not seen, but taking it
off the site was an Editor's decision, so it is kept for Editors too. Drafts and records in
review are the Contributors' to change freely.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.signals import m2m_changed, pre_delete, pre_save

from .models import Publishable, Status
from .visibility import EditorialRow, _generic_ends, readers_see, unrestricted

# Statuses only an Editor moves a record into, or out of.
EDITORS_STATUSES = frozenset({Status.PUBLISHED, Status.WITHDRAWN})


class ChangeRefused(PermissionDenied):
    """A change this user may not make; the message says why, in an editor's words."""


def can_publish(user, model: type[models.Model] | models.Model) -> bool:
    """Whether ``user`` may publish and withdraw records of this kind (Editors, superusers)."""
    if user is None or not getattr(user, "is_active", False):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def _stored(obj: models.Model) -> models.Model | None:
    if obj.pk is None:
        return None
    with unrestricted():
        return type(obj)._base_manager.filter(pk=obj.pk).first()


def guarding_record(obj: models.Model) -> Publishable | None:
    """The record whose publication puts ``obj`` (as it is in memory) in front of readers, or
    in an Editor's hands: ``obj`` itself for a published or withdrawn record; for a relation row
    that readers see, the first of its published records. None: Contributors may change it."""
    if isinstance(obj, Publishable):
        return obj if obj.status in EDITORS_STATUSES or _scheduled(obj) else None
    if isinstance(obj, EditorialRow):
        with unrestricted():
            ends = readers_see(obj) or [end for end in _ends(obj) if _scheduled(end)]
        return ends[0] if ends else None
    return None


def _scheduled(record: Publishable) -> bool:
    """An Editor set it to go live at a time: what it shows then is theirs to approve."""
    return record.go_live_at is not None and record.status not in EDITORS_STATUSES


def _ends(row: models.Model) -> list[Publishable]:
    """Every record ``row`` points at, optional keys included."""
    ends = [
        getattr(row, f.name, None)
        for f in row._meta.concrete_fields
        if f.many_to_one and issubclass(f.related_model, Publishable)
    ]
    ends += [getattr(row, generic.name, None) for generic in _generic_ends(type(row))]
    return [end for end in ends if isinstance(end, Publishable)]


def check_may_change(user, obj: models.Model, *, action: str = "change") -> None:
    """Raise :class:`ChangeRefused` unless ``user`` may ``action`` ("add", "change" or
    "delete") ``obj``: the model permission, and an Editor's for what readers can see.

    ``obj`` is judged both as stored (what readers see now) and as it is in memory (what they
    would see after the save), so a Contributor can neither alter a published relation nor
    create one readers would see at once."""
    opts = obj._meta
    if user is None or not getattr(user, "is_active", False):
        raise ChangeRefused(f"An active account is needed to change a {opts.verbose_name}.")
    if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
        raise ChangeRefused(f"You may not {action} {opts.verbose_name_plural}.")
    guard = _guard_against(user, obj)
    if guard is not None:
        raise ChangeRefused(_refusal(guard, obj))
    if isinstance(obj, Publishable) and not can_publish(user, obj) and _schedule_changed(obj):
        raise ChangeRefused(
            "Only Editors schedule publication or expiry: leave “go live at” and “expire at” "
            "as they are, or ask an Editor."
        )


SCHEDULE_FIELDS = ("go_live_at", "expire_at")


def _schedule_changed(obj: Publishable) -> bool:
    """Whether ``obj`` (in memory) sets a time to go live or expire other than the stored one:
    either would publish or withdraw the record with nobody's hand on it."""
    stored = _stored(obj)
    return any(
        getattr(obj, name) != (getattr(stored, name) if stored is not None else None)
        for name in SCHEDULE_FIELDS
    )


def may_change(user, obj: models.Model, *, action: str = "change") -> bool:
    try:
        check_may_change(user, obj, action=action)
    except ChangeRefused:
        return False
    return True


def _guard_against(user, obj: models.Model) -> Publishable | None:
    """The record that makes ``obj`` an Editor's to change, when ``user`` is not one."""
    if all(can_publish(user, model) for model in _guarding_models(type(obj))):
        return None  # an Editor of everything that could guard it: no need to look
    stored = _stored(obj)
    if isinstance(obj, Publishable):
        # The stored status decides; a status set in memory is the workflow's to judge.
        record = stored if stored is not None else None
        guard = guarding_record(record) if record is not None else None
    else:
        guard = (guarding_record(stored) if stored is not None else None) or guarding_record(obj)
    if guard is not None and not can_publish(user, guard) and not _proposed(obj, stored):
        return guard
    return None


# ---- proposed changes: a published record's pending revision, rehearsed --------------------

_proposing: ContextVar[tuple[type[models.Model], object] | None] = ContextVar(
    "caravan_proposing", default=None
)


@contextmanager
def proposing(record: Publishable) -> Iterator[None]:
    """Writes inside this block propose changes to ``record``: they are rehearsed to be kept as
    a pending revision and rolled back (:mod:`cmsproject.editorial.pending`), so readers never
    see them and a Contributor may make them to the record and to its own rows."""
    token = _proposing.set((type(record), record.pk))
    try:
        yield
    finally:
        _proposing.reset(token)


def _proposed(obj: models.Model, stored: models.Model | None) -> bool:
    """Whether ``obj`` is the record being proposed, or one of its own rows (as it is, and as
    it was stored: a row is not moved here from another record's page)."""
    proposal = _proposing.get()
    if proposal is None:
        return False
    model, pk = proposal
    if isinstance(obj, Publishable):
        return type(obj) is model and obj.pk == pk
    from .revisions import row_kinds

    for kind in row_kinds(model):
        if isinstance(obj, kind.model):
            owned = kind.owned_by(model(pk=pk))
            return all(
                getattr(version, name) == value
                for version in (obj, stored)
                if version is not None
                for name, value in owned.items()
            )
    return False


@cache
def _guarding_models(model: type[models.Model]) -> tuple[type[models.Model], ...]:
    """The kinds of record whose publication may guard a ``model`` row (or record)."""
    if issubclass(model, Publishable):
        return (model,)
    from .registry import publishable_models

    if any(isinstance(f, GenericForeignKey) for f in model._meta.private_fields):
        return publishable_models()
    return tuple(
        f.related_model
        for f in model._meta.concrete_fields
        if f.many_to_one and issubclass(f.related_model, Publishable)
    )


def _refusal(guard: Publishable, obj: models.Model) -> str:
    state = Status(guard.status).label.lower()
    if _scheduled(guard):
        state = f"scheduled to go live at {guard.go_live_at:%Y-%m-%d %H:%M} UTC"
        return (
            f"The {guard._meta.verbose_name} “{guard}” is {state}: only Editors change a "
            "scheduled record. Ask an Editor to unschedule it first."
        )
    if guard is obj or (type(guard) is type(obj) and guard.pk == obj.pk):
        return (
            f"This {guard._meta.verbose_name} is {state}: only Editors change "
            f"{'published' if guard.status == Status.PUBLISHED else 'withdrawn'} records. "
            "Ask an Editor, or suggest the change in the editor's note of a draft."
        )
    return (
        f"This {obj._meta.verbose_name} is shown on the page of the {state} "
        f"{guard._meta.verbose_name} “{guard}”: only Editors change what readers can see."
    )


# ---- the backstop: every write made while a user acts ---------------------------------------

_actor: ContextVar[object | None] = ContextVar("caravan_actor", default=None)


@contextmanager
def acting(who) -> Iterator[None]:
    """Writes inside this block are made by ``who``: a user, or a request (its user is read
    when a write happens, after the API has authenticated it)."""
    token = _actor.set(who)
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def as_system() -> Iterator[None]:
    """Writes inside this block are the system's own upkeep (search index, fingerprints), made
    after the action that caused them was allowed."""
    token = _actor.set(None)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor():
    """The user writes are made by now, or None (commands, migrations, the system)."""
    who = _actor.get()
    if who is None or hasattr(who, "is_active"):
        return who
    user = getattr(who, "user", None)  # a request
    return user if getattr(user, "is_authenticated", False) else None


def _is_guarded(sender) -> bool:
    from .registry import edited_models

    return sender in edited_models()


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _is_guarded(sender):
        return
    user = current_actor()
    if user is None:
        return
    if isinstance(instance, Publishable):
        _check_status(user, instance)
    check_may_change(user, instance, action="change" if instance.pk else "add")


def _check_status(user, record: Publishable) -> None:
    stored = _stored(record)
    before = stored.status if stored is not None else Status.DRAFT
    moved = record.status != before and record.status in EDITORS_STATUSES
    if moved and not can_publish(user, record):
        verb = "publish" if record.status == Status.PUBLISHED else "withdraw"
        raise ChangeRefused(f"Only Editors may {verb} a {record._meta.verbose_name}.")


def _before_delete(sender, instance, **kwargs) -> None:
    if not _is_guarded(sender):
        return
    user = current_actor()
    if user is not None:
        check_may_change(user, instance, action="delete")


def _before_m2m(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if not action.startswith("pre_"):
        return
    user = current_actor()
    if user is None:
        return
    changed = [instance]
    if reverse and pk_set:
        # topic.events.add(event): the events' pages change too
        with unrestricted():
            changed += list(model._base_manager.filter(pk__in=pk_set))
    for record in changed:
        if _is_guarded(type(record)):
            check_may_change(user, record)


def connect_signals() -> None:
    """Guard each edited model by name (not every model: a ``pre_delete`` receiver costs Django
    its fast deletes of that model)."""
    from .registry import edited_models

    for model in edited_models():
        uid = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"caravan-rights-save-{uid}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"caravan-rights-del-{uid}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _before_m2m,
                sender=field.remote_field.through,
                dispatch_uid=f"caravan-m2m-{uid}-{field.name}",
            )


class ActorMiddleware:
    """Writes made while a request is served are made by its user (see :func:`acting`)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        with acting(request):
            return self.get_response(request)
