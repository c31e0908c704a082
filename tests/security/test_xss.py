"""Text that cannot hurt: hostile text in every editor-written field stays inert everywhere."""

import json
import re

import pytest
from django.urls import reverse

from events.models import Participation
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("x1")</script>',
    '"><img src=x onerror=alert("x2")>',
    "</script><script>alert('x3')</script>",
    "javascript:alert('x4')",
    "<svg onload=alert('x5')>",
    "{{7*7}}{% debug %}",
]
# What would run if it reached the page unescaped.
RAW = ["<script>alert", "<img src=x", "<svg onload", "</script><script>", 'href="javascript:']


def hostile(i: int) -> str:
    return f"Name {i} " + PAYLOADS[i % len(PAYLOADS)]


@pytest.fixture
def hostile_world(db):
    state = f.StateFactory(name=hostile(0), description=hostile(1), slug="bad-state")
    place = f.PlaceFactory(name=hostile(2), country=state)
    person = f.PersonFactory(
        name=hostile(3),
        native_name=hostile(4),
        biography=hostile(5),
        portrait_alt=hostile(0),
        slug="bad-person",
        country=state,
    )
    f.PersonAliasFactory(person=person, name=hostile(1))
    f.PositionFactory(person=person, organization=state, title=hostile(2))
    outlet = f.OutletFactory(name=hostile(3))
    body = " ".join(PAYLOADS) + " trade reached"
    source = f.SourceFactory(
        title=hostile(4),
        summary=hostile(5),
        byline=hostile(0),
        body=body,
        outlet=outlet,
        slug="bad-source",
        url="https://example.org/a?q=<script>",
    )
    topic = f.TopicFactory(name=hostile(1), description=hostile(2), slug="bad-topic")
    event = f.EventFactory(
        title=hostile(3),
        summary=hostile(4),
        place=place,
        slug="bad-event",
        series=f.EventSeriesFactory(name=hostile(5)),
    )
    event.topics.add(topic)
    Participation.objects.create(event=event, person=person, representing=state, role=hostile(0))
    agreement = f.AgreementFactory(
        title=hostile(1),
        summary=hostile(2),
        signed_at=event,
        slug="bad-agreement",
        text_url="https://example.org/t",
    )
    agreement.parties.add(state)
    agreement.aliases.create(name=hostile(3))
    for record in (event, person, agreement, state, topic):
        Citation.objects.create(
            source=source,
            record=record,
            excerpt=PAYLOADS[0],
            claim="start_date",
            claimed_value=hostile(4),
            note=hostile(5),
        )
    return {
        "event": event,
        "person": person,
        "agreement": agreement,
        "state": state,
        "source": source,
        "topic": topic,
    }


def assert_inert(url: str, body: str) -> None:
    for raw in RAW:
        assert raw not in body, f"unescaped {raw!r} on {url}"
    assert "49" not in re.findall(r"Name \d+ (\S+)", body)  # templates are not evaluated


def test_public_pages_feeds_and_json_ld_escape_everything(client, hostile_world):
    w = hostile_world
    urls = [
        "/",
        "/events/",
        "/people/",
        "/organizations/",
        "/agreements/",
        "/sources/",
        *(
            w[k].get_absolute_url()
            for k in ("event", "person", "agreement", "state", "source", "topic")
        ),
        "/search/?q=Name",
        "/feeds/events/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(url, response.content.decode())
    html = client.get(w["event"].get_absolute_url()).content.decode()
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(ld)["name"] == hostile(3)  # the data survives, escaped
    # The calendar is plain text for calendar programs, never HTML
    assert client.get("/events.ics")["Content-Type"].startswith("text/calendar")


def test_api_returns_text_as_data(client, hostile_world):
    response = client.get("/api/v1/events/bad-event/")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["title"] == hostile(3)


def test_admin_pages_escape_everything(client, superuser, hostile_world):
    client.force_login(superuser)
    w = hostile_world
    for model, obj in [
        ("event", w["event"]),
        ("person", w["person"]),
        ("agreement", w["agreement"]),
        ("organization", w["state"]),
        ("topic", w["topic"]),
    ]:
        for url in (
            reverse(f"admin:events_{model}_changelist"),
            reverse(f"admin:events_{model}_change", args=[obj.pk]),
            reverse(f"admin:events_{model}_history", args=[obj.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_inert(url, response.content.decode())
    url = reverse("admin:sources_source_change", args=[w["source"].pk])
    assert_inert(url, client.get(url).content.decode())
