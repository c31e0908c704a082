"""Which fact of a record a citation backs.

Each citable model names its facts in ``cited_facts``: pairs of a key (what ``Citation.claim``
stores, usually the field's name) and the label readers and editors see ("date", "signatories").
The blank claim is the record as a whole — its summary: the source reports the event, describes
the person. An editor picks a fact from the record's own list in the admin; the API takes the
key or the label; anything else is refused with the list of facts the record has.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

WHOLE = ""
WHOLE_LABEL = "summary (the record as a whole)"
# Words an editor or client may use for the record as a whole.
_WHOLE_WORDS = {"", "summary", "record", "whole", "the record as a whole"}


def facts_of(model: type[models.Model] | None) -> dict[str, str]:
    """Key → label of every fact a citation of ``model`` may back, the whole record first."""
    return {WHOLE: WHOLE_LABEL, **dict(getattr(model, "cited_facts", ()))}


def fact_choices(model: type[models.Model] | None) -> list[tuple[str, str]]:
    """The facts of ``model`` as form choices."""
    return list(facts_of(model).items())


def label_of(model: type[models.Model] | None, claim: str) -> str:
    """How a fact is named to readers ("date" for ``start_date``)."""
    return facts_of(model).get(claim) or claim.replace("_", " ")


def model_of(citation) -> type[models.Model] | None:
    """The model of the record ``citation`` backs (content types are cached: no query)."""
    if not citation.content_type_id:
        return None
    return ContentType.objects.get_for_id(citation.content_type_id).model_class()


def _spelling(value: str) -> str:
    return " ".join(value.replace("_", " ").replace("-", " ").casefold().split())


def resolve_claim(model: type[models.Model] | None, value: str | None) -> str:
    """The key of the fact ``value`` names — its key or its label, in any case — among the facts
    of ``model``. Raises ValidationError, listing the record's facts, when it names none.
    Without a model (nothing to check against) the value is kept as given."""
    value = (value or "").strip()
    if model is None:
        return value
    wanted = _spelling(value)
    if wanted in _WHOLE_WORDS:
        return WHOLE
    facts = facts_of(model)
    for key, label in facts.items():
        if key and wanted in (_spelling(key), _spelling(str(label))):
            return key
    listed = ", ".join(f"{key} ({label})" for key, label in facts.items() if key)
    raise ValidationError(
        f"“{value}” is not a fact of a {model._meta.verbose_name}. Leave it blank for the "
        f"record as a whole, or give one of: {listed}.",
        code="unknown_claim",
    )
