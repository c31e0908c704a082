"""Pages cost the same number of queries with 2 or 10 of everything (no N+1)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Participation, Position
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db


def grow(hub, n):
    """Add ``n`` published people, participations, sources, citations and agreements."""
    for _ in range(n):
        state = f.StateFactory()
        person = f.PersonFactory(country=state)
        f.PersonAliasFactory(person=person)
        f.PositionFactory(person=person, organization=state, role=Position.Role.HEAD_OF_STATE)
        Participation.objects.create(event=hub["event"], person=person, representing=state)
        source = f.SourceFactory()
        Citation.objects.create(source=source, record=hub["event"], excerpt="trade reached")
        Citation.objects.create(source=source, record=person, excerpt="trade reached")
        agreement = f.AgreementFactory(signed_at=hub["event"])
        agreement.parties.add(state, hub["state"])
        f.SignatoryFactory(agreement=agreement, person=person, on_behalf_of=state)
        f.EventFactory(parent=hub["event"])
        Participation.objects.create(
            event=f.EventFactory(), person=hub["person"], representing=hub["state"]
        )


@pytest.fixture
def hub(db):
    state = f.StateFactory(slug="hub-state")
    person = f.PersonFactory(slug="hub-person", country=state)
    event = f.EventFactory(slug="hub-event", host=state)
    Participation.objects.create(event=event, person=person, representing=state)
    return {"state": state, "person": person, "event": event}


URLS = [
    "/",
    "/events/",
    "/people/",
    "/organizations/",
    "/agreements/",
    "/sources/",
    "/events/hub-event/",
    "/people/hub-person/",
    "/organizations/hub-state/",
    "/search/?q=meeting",
    "/feeds/events/",
    "/events.ics",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_data(client, hub, url):
    """Measured cold (caches cleared): the work a page does when it is not cached."""
    grow(hub, 2)
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(hub, 8)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small), "\n".join(q["sql"] for q in large.captured_queries)


@pytest.mark.parametrize(
    "url", ["/", "/feeds/events/", "/events.ics", "/sitemap.xml", "/organizations/hub-state/"]
)
def test_cached_pages_cost_one_query_when_nothing_changed(client, hub, url):
    grow(hub, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    cached_work = [q["sql"] for q in warm.captured_queries if "COUNT(" in q["sql"]]
    assert cached_work == []


def test_list_totals_are_counted_once_until_something_changes(client, hub, editor):
    from cmsproject.editorial import actions

    grow(hub, 2)
    client.get("/events/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/events/")
    assert not [q for q in warm.captured_queries if "COUNT(" in q["sql"]]
    before = client.get("/events/").context["paginator"].count
    draft = f.EventFactory(status="draft")
    actions.publish(obj=draft, user=editor)
    assert client.get("/events/").context["paginator"].count == before + 1
