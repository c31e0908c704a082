"""Which relation a suggestion supports, and suggestions that an editor's work has answered.

A name found in a source (a :class:`~events.models.Mention`) backs a fact only through a record
that cites the source: Wang Yi named in a report of the Chengdu meeting supports *his
participation* in that meeting, not his biography; Chengdu supports the meeting's place.
:func:`relations_backed` finds those relations for accepting a suggestion, and
:func:`settle_suggestions` — run whenever an event or agreement, one of its rows or one of its
citations is saved, by any path (admin, API, merge, pending changes published) — marks accepted
the suggestions those records now answer, so none stays "suggested" after its person was added
as a participant.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.utils import timezone

from sources.models import Citation

from ..models import Agreement, Event, Mention

Kind = Mention.Kind
# The claim a citation makes about each relation; sources/notes.py labels them for readers.
PARTICIPATION, SIGNATURE, PARTIES = "participation", "signature", "parties"


@dataclass(frozen=True)
class Backed:
    """A relation of ``record`` that a sentence naming the suggested record supports."""

    record: Model
    claim: str  # "" for the record as a whole (the source reports this event)
    note: str


def _answers(record: Model) -> dict[tuple[str, int], str]:
    """(mention kind, record id) → the claim a citation of ``record`` makes for it."""
    if isinstance(record, Event):
        pairs = {(Kind.EVENT, record.pk): ""}
        if record.place_id:
            pairs[(Kind.PLACE, record.place_id)] = "place"
        if record.host_id:
            pairs[(Kind.ORGANIZATION, record.host_id)] = "host"
        for person, org in record.participations.values_list("person_id", "representing_id"):
            pairs[(Kind.PERSON, person)] = PARTICIPATION
            if org:
                pairs.setdefault((Kind.ORGANIZATION, org), PARTICIPATION)
        return pairs
    if isinstance(record, Agreement):
        pairs = {(Kind.AGREEMENT, record.pk): ""}
        if record.place_id:
            pairs[(Kind.PLACE, record.place_id)] = "place"
        for org in record.parties.values_list("pk", flat=True):
            pairs[(Kind.ORGANIZATION, org)] = PARTIES
        for person, org in record.signatories.values_list("person_id", "on_behalf_of_id"):
            pairs[(Kind.PERSON, person)] = SIGNATURE
            pairs.setdefault((Kind.ORGANIZATION, org), SIGNATURE)
        return pairs
    return {}


def _note(claim: str, name: str) -> str:
    return {
        PARTICIPATION: f"Names {name} among the participants.",
        SIGNATURE: f"Names {name} among the signatories.",
        PARTIES: f"Names {name} among the parties.",
    }.get(claim, "")


def relations_backed(mention: Mention, record: Model) -> list[Backed]:
    """The relations a sentence naming ``record`` supports, among the events and agreements
    that cite the mention's source (usually one). Empty when the source backs none yet."""
    key = (mention.kind, record.pk)
    backed = []
    for model in (Event, Agreement):
        citing = Citation.objects.filter(
            source=mention.source, content_type=ContentType.objects.get_for_model(model)
        ).values("object_id")
        for cited in model.objects.filter(pk__in=citing).order_by("pk"):
            claim = _answers(cited).get(key)
            if claim is not None:
                backed.append(Backed(cited, claim, _note(claim, str(record))))
    return backed


def settle_suggestions(record: Model, *, user=None, source_id: int | None = None) -> int:
    """Mark accepted the suggestions, in the sources citing ``record`` (or in ``source_id``
    alone), that name what the record now holds: its participants, place, host, parties,
    signatories, or the record itself. Returns how many were settled."""
    if record.pk is None or not isinstance(record, Event | Agreement):
        return 0
    pairs = _answers(record)
    if source_id is not None:
        sources = [source_id]
    else:
        sources = Citation.objects.for_object(record).values("source_id")
    named = Q(pk__in=[])
    for kind in {k for k, _ in pairs}:
        named |= Q(kind=kind, object_id__in=[pk for k, pk in pairs if k == kind])
    return Mention.objects.filter(
        named, source__in=sources, decision=Mention.Decision.SUGGESTED
    ).update(
        decision=Mention.Decision.ACCEPTED,
        decided_by=user if getattr(user, "pk", None) else None,
        decided_at=timezone.now(),
    )


# ---- run on every save, whatever the path -------------------------------------------------


def _who(instance: Model):
    """The user saving ``instance``: as actions stamp it, or the request simple_history saw."""
    user = getattr(instance, "_history_user", None)
    if user is None:
        from simple_history.models import HistoricalRecords

        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    return user


def _record_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        settle_suggestions(instance, user=_who(instance))


def _row_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if isinstance(instance, Citation):
        if instance.content_type.model_class() in (Event, Agreement):
            settle_suggestions(instance.record, user=_who(instance), source_id=instance.source_id)
        return
    record = instance.event if hasattr(instance, "event_id") else instance.agreement
    settle_suggestions(record, user=_who(instance))


def _parties_changed(sender, instance, action, reverse=False, **kwargs) -> None:
    if action == "post_add" and not reverse:
        settle_suggestions(instance, user=_who(instance))


def connect() -> None:
    """Called by the app's ``ready()``."""
    from django.db.models.signals import m2m_changed, post_save

    from ..models import Participation, Signatory

    for model in (Event, Agreement):
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"settle-{model.__name__}")
    for model in (Participation, Signatory, Citation):
        post_save.connect(_row_saved, sender=model, dispatch_uid=f"settle-{model.__name__}")
    m2m_changed.connect(
        _parties_changed, sender=Agreement.parties.through, dispatch_uid="settle-parties"
    )
