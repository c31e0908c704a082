"""The Popolo export is valid against Popolo's own JSON Schemas (tests/data/popolo/, the
official popolo-spec files), their $refs resolved from those files: no network."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from events.models import Organization
from tests import factories as f

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "popolo"
URL = "/api/v1/popolo/"


def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        contents = json.loads(path.read_text())
        resources.append((contents["id"].rstrip("#"), Resource(contents, DRAFT3)))
    # no retrieve function: a $ref to anything not stored here fails instead of fetching it
    return Registry().with_resources(resources)


def validator(name: str) -> Draft3Validator:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    return Draft3Validator(schema, registry=registry())


def errors(name: str, items: list[dict]) -> list[str]:
    check = validator(name)
    return [
        f"{name} {item.get('id') or item}: {error.message} at {list(error.absolute_path)}"
        for item in items
        for error in check.iter_errors(item)
    ]


@pytest.fixture
def full_world(world):
    """Every kind of row the export holds: other names with a language, former names with
    dates, months-only dates, an organization membership, an online event with a parent."""
    world["sco"].members.set([world["kaz"], world["chn"]])
    f.PersonAliasFactory(person=world["wang"], name="Ван И", language="ru")
    f.OrganizationFactory(name="Ministry of Foreign Affairs", slug="kaz-mfa", parent=world["kaz"])
    f.PositionFactory(
        person=world["japarov"],
        organization=Organization.objects.get(slug="kaz-mfa"),
        title="Adviser",
        start_precision="month",
    )
    f.EventFactory(slug="online-talks", is_online=True, place=None, parent=world["astana_summit"])
    return world


def test_the_whole_export_is_valid_popolo(anon, full_world):
    body = anon.get(URL).json()
    assert all(body[key] for key in ("persons", "organizations", "memberships", "posts", "events"))
    problems = (
        errors("person", body["persons"])
        + errors("organization", body["organizations"])
        + errors("membership", body["memberships"])
        + errors("post", body["posts"])
        + errors("event", body["events"])
    )
    assert problems == []


def test_the_check_catches_what_popolo_refuses(anon, full_world):
    """The schemas are really applied (and their $refs followed): a malformed date, an
    identifier without its value, a link without its URL are refused."""
    body = anon.get(URL).json()
    person = dict(body["persons"][0], birth_date="1 May 1960")
    person["identifiers"] = [{"scheme": "caravan"}]
    organization = dict(body["organizations"][0], links=[{"note": "Caravan"}])
    assert len(errors("person", [person])) == 2
    assert len(errors("organization", [organization])) == 1


def test_schemas_resolve_without_the_network():
    resolver = registry().resolver()
    for name in ("other_name", "identifier", "link", "membership", "post", "event", "area"):
        resolved = resolver.lookup(f"http://www.popoloproject.com/schemas/{name}.json#")
        assert resolved.contents["title"]
