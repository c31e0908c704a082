"""schema.org without the network: pyld expands a page's JSON-LD with a stored copy of the
schema.org context, and :func:`problems` names every type, property or value in it that
schema.org does not define where it is used (data and sources: tests/data/jsonld/README.md)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

DATA = Path(__file__).resolve().parents[1] / "data" / "jsonld"
VOCAB = "http://schema.org/"  # the context's @vocab: expanded terms start with it
# The addresses a page may name as its @context, each answered with the stored context.
CONTEXT_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.jsonld",
    "https://schema.org/docs/jsonldcontext.json",
}
# schema.org's data types: the ranges a plain value (a string, number, date) may fill.
DATATYPES = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean"}


@cache
def _context() -> dict:
    return json.loads((DATA / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


@cache
def vocabulary() -> dict:
    return json.loads((DATA / "schemaorg-vocabulary.json").read_text(encoding="utf-8"))


def load_document(url: str, options: dict | None = None) -> dict:
    """pyld's document loader: schema.org's context from disk; anything else is refused, so a
    page that names another remote context fails here instead of reaching the network."""
    if url in CONTEXT_URLS:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": _context(),
        }
    raise jsonld.JsonLdError(
        f"Only schema.org's context is available offline, not {url}",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": load_document})


def is_a(kind: str, ancestor: str) -> bool:
    """Whether schema.org type ``kind`` is ``ancestor`` or one of its subtypes."""
    types, seen, todo = vocabulary()["types"], set(), [kind]
    while todo:
        current = todo.pop()
        if current == ancestor:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(types.get(current, []))
    return False


def _term(iri: str) -> str | None:
    """The schema.org term an expanded IRI names (http or https), or None."""
    for base in (VOCAB, "https://schema.org/"):
        if iri.startswith(base):
            return iri[len(base) :]
    return None


def _value_problems(prop: str, value: dict, where: str) -> list[str]:
    ranges = vocabulary()["properties"][prop]["ranges"]
    text = value["@value"]
    if isinstance(text, str) and _term(text) is not None:
        # an enumeration member written as its address ("https://schema.org/EventScheduled")
        member = _term(text)
        enumerations = vocabulary()["members"].get(member)
        if enumerations is None:
            return [f"{where}: {text} is not a schema.org enumeration member"]
        if not any(is_a(e, r) for e in enumerations for r in ranges):
            return [f"{where}: {member} is not a value {prop} takes ({', '.join(ranges)})"]
        return []
    if not any(is_a(r, d) for r in ranges for d in DATATYPES) and "Text" not in ranges:
        return [f"{where}: {prop} takes {', '.join(ranges)}, not a plain value {text!r}"]
    return []


def problems(node: dict, where: str = "") -> list[str]:
    """What schema.org does not allow in an expanded node and the nodes inside it."""
    found: list[str] = []
    vocab = vocabulary()
    types = []
    for iri in node.get("@type", []):
        kind = _term(iri)
        if kind not in vocab["types"]:
            found.append(f"{where}: @type {iri} is not a schema.org type")
        else:
            types.append(kind)
    here = f"{where}/{'|'.join(types) or '?'}"
    for key, values in node.items():
        if key.startswith("@"):
            continue
        prop = _term(key)
        if prop not in vocab["properties"]:
            found.append(f"{here}: {key} is not a schema.org property")
            continue
        domains = vocab["properties"][prop]["domains"]
        if types and not any(is_a(t, d) for t in types for d in domains):
            found.append(f"{here}: {prop} is not a property of {', '.join(types)}")
        for value in values:
            if "@value" in value:
                found += _value_problems(prop, value, f"{here}.{prop}")
            elif set(value) == {"@id"}:
                continue  # a link to another thing (url, sameAs)
            else:
                ranges = vocab["properties"][prop]["ranges"]
                kinds = [_term(t) for t in value.get("@type", [])]
                if kinds and not any(is_a(k, r) for k in kinds if k for r in ranges):
                    found.append(f"{here}.{prop}: takes {', '.join(ranges)}, not {kinds}")
                found += problems(value, f"{here}.{prop}")
    return found
