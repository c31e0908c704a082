"""Lists and details take a fixed number of queries, however many records they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

ENDPOINTS = ["events", "people", "organizations", "places", "agreements", "sources", "topics"]


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_queries_do_not_grow_with_records(anon, world, endpoint):
    before = queries(anon, f"/api/v1/{endpoint}/")
    f.EventFactory.create_batch(3)
    f.AgreementFactory.create_batch(3)
    f.TopicFactory.create_batch(3, parent=world["trade"])
    f.SourceFactory.create_batch(3)
    assert queries(anon, f"/api/v1/{endpoint}/") == before


def test_event_detail_queries_do_not_grow_with_participants(editor_client, world):
    url = "/api/v1/events/fifth-ministers-meeting/"
    before = queries(editor_client, url)
    for _ in range(3):
        f.ParticipationFactory(event=world["chengdu_meeting"])
        f.CitationFactory(record=world["chengdu_meeting"], source=world["report"], excerpt="held")
    assert queries(editor_client, url) == before
