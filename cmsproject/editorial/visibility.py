"""What a read may show: one layer under every query of an editorial record.

Every read happens for an *audience* (the request's user, or a reader when a public page is
rendered). For that audience each editorial model's managers — the default manager, the base
manager Django uses for ``obj.related`` and ``prefetch_related``, and the related managers
built from them — hide what it may not see:

* a Publishable record that is not live — published and not expired (for readers);
* a *relation row* (a participation, an office, a citation, an alias…) whose required end is
  hidden: an office at a draft state does not exist for a reader;
* a related record reached through a join (``select_related``) is replaced by ``None`` when it
  is hidden, so a participant "represents" nothing rather than a draft state.

So a published record that relates to an unpublished one shows the relation as if the other
did not exist — no label, no name, no count, no link — whatever code reads it. Outside any
audience (commands, the shell, migrations) nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import cache

from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.query import ModelIterable
from django.urls import get_resolver
from django.utils import timezone

from .dates import DateRangeMixin

PUBLISHED = "published"


# ---- what "live" is: the one definition ----------------------------------------------------


def live(prefix: str = "") -> models.Q:
    """The condition that a Publishable record (reached through ``prefix``, e.g.
    ``"person__"``) is in front of readers: published, and not past its expiry time. An expired
    record leaves every public path the moment it expires, before ``publish_scheduled``
    withdraws it."""
    return models.Q(**{f"{prefix}status": PUBLISHED}) & (
        models.Q(**{f"{prefix}expire_at__isnull": True})
        | models.Q(**{f"{prefix}expire_at__gt": timezone.now()})
    )


def not_live(prefix: str = "") -> models.Q:
    """The opposite of :func:`live`, written out (a negated OR trips over NULLs)."""
    return ~models.Q(**{f"{prefix}status": PUBLISHED}) | models.Q(
        **{f"{prefix}expire_at__lte": timezone.now()}
    )


def is_live(obj: models.Model) -> bool:
    """:func:`live` for a record in memory."""
    if getattr(obj, "status", None) != PUBLISHED:
        return False
    expire_at = getattr(obj, "expire_at", None)
    if expire_at is not None and expire_at <= timezone.now():
        return False
    for name, _target, _nullable in shown_with(type(obj)):
        if getattr(obj, f"{name}_id") is None:
            continue
        end = getattr(obj, name, None)  # None when the audience may not see it
        if end is None or not is_live(end):
            return False
    return True


class Audience:
    """Whose eyes a read is for: decides, per Publishable model, whether drafts are hidden."""

    def __init__(self, user=None) -> None:
        self._user = user
        self._hides: dict = {}

    @property
    def user(self):
        return self._user

    def hides(self, model: type[models.Model]) -> bool:
        """Whether unpublished records of ``model`` are hidden from this audience."""
        from .models import sees_unpublished

        user = self.user
        key = (getattr(user, "pk", None), model)
        try:
            return self._hides[key]
        except KeyError:
            hidden = self._hides[key] = not sees_unpublished(user, model)
            return hidden

    def hidden_models(self) -> frozenset[type[models.Model]]:
        from .registry import publishable_models

        return frozenset(m for m in publishable_models() if self.hides(m))


class RequestAudience(Audience):
    """The request's user, read when a query first needs it (DRF authenticates inside the
    view). A public page sets ``request.for_readers`` to be read as any reader reads it."""

    def __init__(self, request) -> None:
        super().__init__()
        self.request = request

    @property
    def user(self):
        if getattr(self.request, "for_readers", False):
            return None
        return getattr(self.request, "user", None)


class _Everyone(Audience):
    def hides(self, model: type[models.Model]) -> bool:
        return False


READERS = Audience(None)
EVERYTHING = _Everyone()

_audience: ContextVar[Audience | None] = ContextVar("caravan_audience", default=None)


def current_audience() -> Audience | None:
    """The audience of the read under way, or None when nothing is hidden."""
    audience = _audience.get()
    return None if audience is EVERYTHING else audience


@contextmanager
def viewing_as(audience: Audience | None) -> Iterator[None]:
    """Reads inside this block are for ``audience`` (None: nothing hidden)."""
    token = _audience.set(audience if audience is not None else EVERYTHING)
    try:
        yield
    finally:
        _audience.reset(token)


def for_readers():
    """Reads inside this block show what any reader sees."""
    return viewing_as(READERS)


def unrestricted():
    """Reads inside this block see every row: services that checked permissions themselves."""
    return viewing_as(None)


# ---- what a model hides --------------------------------------------------------------------


@cache
def _required_ends(model: type[models.Model]) -> tuple[tuple[str, type[models.Model]], ...]:
    """The non-null foreign keys of a relation row that point at Publishable records."""
    from .models import Publishable

    return tuple(
        (f.name, f.related_model)
        for f in model._meta.concrete_fields
        if f.many_to_one and not f.null and issubclass(f.related_model, Publishable)
    )


@cache
def _generic_ends(model: type[models.Model]) -> tuple[GenericForeignKey, ...]:
    return tuple(f for f in model._meta.private_fields if isinstance(f, GenericForeignKey))


@cache
def shown_with(model: type[models.Model]) -> tuple[tuple[str, type[models.Model], bool], ...]:
    """(field, record model, may be empty) of the records a Publishable ``model`` is shown only
    with: those it names in ``hidden_with`` (a figure means nothing without its indicator)."""
    ends = []
    for name in getattr(model, "hidden_with", ()):
        field = model._meta.get_field(name)
        ends.append((name, field.related_model, field.null))
    return tuple(ends)


def with_live_end(name: str, nullable: bool) -> models.Q:
    """The condition that the record at ``name`` is live (or, when it may be, empty)."""
    condition = live(f"{name}__")
    return (models.Q(**{f"{name}__isnull": True}) | condition) if nullable else condition


def hidden_condition(model: type[models.Model], audience: Audience) -> models.Q | None:
    """The condition on ``model``'s rows that leaves out what ``audience`` may not see."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Publishable

    condition = models.Q()
    if issubclass(model, Publishable):
        if audience.hides(model):
            condition &= live()
        for name, target, nullable in shown_with(model):
            if audience.hides(target):
                condition &= with_live_end(name, nullable)
        return condition or None
    for name, target in _required_ends(model):
        if audience.hides(target):
            condition &= live(f"{name}__")
    for generic in _generic_ends(model):
        for target in audience.hidden_models():
            # Looked up by primary key for each row (a correlated EXISTS), not as "IN (every
            # unpublished pk)", which would read all the unpublished records on every query.
            unseen = models.QuerySet(model=target).filter(
                not_live(), pk=models.OuterRef(generic.fk_field)
            )
            content_type = ContentType.objects.get_for_model(target)
            condition &= ~(models.Q(**{generic.ct_field: content_type}) & models.Exists(unseen))
    return condition or None


def seen_along(model: type[models.Model], path: str) -> models.Q:
    """The condition that every record a lookup ``path`` (``series__name``) passes through is
    one the current audience sees: a filter on ``series__name`` must not match a draft
    series' name. A join leaves the managers out, so the condition is added to it."""
    from .models import Publishable

    audience = current_audience()
    condition = models.Q()
    if audience is None:
        return condition
    parts = path.split("__")
    for depth in range(1, len(parts)):
        try:
            field = model._meta.get_field(parts[depth - 1])
        except Exception:  # a lookup (icontains), not a field: the path ends here
            break
        target = field.related_model
        if target is None:
            break
        if issubclass(target, Publishable) and audience.hides(target):
            condition &= live("__".join(parts[:depth]) + "__")
        model = target
    return condition


def readers_see(row: models.Model) -> list[models.Model]:
    """The published records a relation row (as it is in memory) stands between, when a reader
    would see it — every end it needs is published; ``[]`` when a reader would not."""
    from .models import Publishable

    ends = []
    for name, _target in _required_ends(type(row)):
        end = getattr(row, name, None)
        if end is None or not is_live(end):
            return []
        ends.append(end)
    for generic in _generic_ends(type(row)):
        end = getattr(row, generic.name, None)
        if isinstance(end, Publishable):
            if not is_live(end):
                return []
            ends.append(end)
    return ends


def conceal(obj: models.Model, audience: Audience, depth: int = 0) -> None:
    """Replace related records loaded with ``obj`` (``select_related``) that ``audience`` may
    not see by None, at every depth of the join."""
    from .models import Publishable

    cache_ = obj._state.fields_cache
    for name, related in list(cache_.items()):
        if related is None or not isinstance(related, models.Model):
            continue
        if (
            isinstance(related, Publishable)
            and not is_live(related)
            and audience.hides(type(related))
        ):
            cache_[name] = None
        elif depth < 6:
            conceal(related, audience, depth + 1)


class ConcealingIterable(ModelIterable):
    """Model instances with hidden joined records replaced by None."""

    def __iter__(self):
        audience = current_audience()
        for obj in super().__iter__():
            if audience is not None:
                conceal(obj, audience)
            yield obj


class AudienceQuerySet(models.QuerySet):
    """The queryset of every editorial model (see the module docstring)."""

    @classmethod
    def as_manager(cls):
        manager = AudienceManager.from_queryset(cls)()
        manager._built_with_as_manager = True
        return manager

    as_manager.queryset_only = True


class AudienceManager(models.Manager):
    """Rows the current audience may see; also the base manager (``obj.related``)."""

    def get_queryset(self) -> models.QuerySet:
        queryset = super().get_queryset()
        audience = current_audience()
        if audience is None:
            return queryset
        condition = hidden_condition(self.model, audience)
        if condition is not None:
            queryset = queryset.filter(condition)
        queryset._iterable_class = ConcealingIterable
        return queryset


class EditorialRow(DateRangeMixin, models.Model):
    """Base of the rows that relate records (participations, offices, citations, aliases…):
    hidden with the records they need (see the module docstring)."""

    objects = AudienceManager()

    class Meta:
        abstract = True


class ConcealingForeignKey(ForwardManyToOneDescriptor):
    """``row.person`` when the person is hidden from the audience: None, as if unset (Django
    would raise DoesNotExist, the audience-aware base manager having found nothing)."""

    def get_object(self, instance, using=None):
        try:
            return super().get_object(instance)
        except self.field.remote_field.model.DoesNotExist:
            if current_audience() is None:
                raise
            return None

    def __get__(self, instance, cls=None):
        try:
            return super().__get__(instance, cls)
        except self.RelatedObjectDoesNotExist:
            # a required key whose record is hidden (a published place in a draft state)
            if getattr(instance, self.field.attname, None) is None or current_audience() is None:
                raise
            return None


def _use_audience_base_manager(sender, **kwargs) -> None:
    """Django follows ``obj.related`` with the base manager: make it the audience-aware one.
    (Set here rather than in Meta so that it is not a model option migrations record.)"""
    if issubclass(sender, EditorialRow | _publishable()) and not sender._meta.abstract:
        sender._meta.base_manager_name = "objects"
        sender._meta.__dict__.pop("base_manager", None)
        for field in sender._meta.local_fields:
            if type(sender.__dict__.get(field.name)) is ForwardManyToOneDescriptor:
                setattr(sender, field.name, ConcealingForeignKey(field))


def _publishable() -> type:
    from .models import Publishable

    return Publishable


models.signals.class_prepared.connect(_use_audience_base_manager, dispatch_uid="caravan-audience")


class AudienceMiddleware:
    """Every request reads for its own user (a reader unless the user may see drafts)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        # The URLconf pulls in the views, serializers and filters, whose class-level querysets
        # (a RecordLink's records, a filter's choices) are built when their module is first
        # imported. Imported by the first request, they would be built for that request's
        # audience — a reader's, usually — and keep it: an editor could then name no draft.
        # So they are imported here, before any request, for no audience.
        get_resolver().url_patterns  # noqa: B018

    def __call__(self, request):
        token = _audience.set(RequestAudience(request))
        try:
            response = self.get_response(request)
        finally:
            _audience.reset(token)
        if getattr(response, "streaming", False):
            response.streaming_content = _streamed_for(request, response.streaming_content)
        return response


def _streamed_for(request, chunks):
    """A streamed response (a CSV export) is produced after the middleware returned: read it
    for the same audience."""
    token = _audience.set(RequestAudience(request))
    try:
        yield from chunks
    finally:
        # finished in another context: the audience ends with that context
        with suppress(ValueError):
            _audience.reset(token)
