"""Editors decide on suggestions in the admin: one click each, or many at once."""

import pytest
from django.urls import reverse

from events.linking.index import invalidate
from events.linking.service import link_source
from events.models import Mention
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggested(cast):
    invalidate()
    source = f.SourceFactory(
        status="draft",
        published_on=None,
        body=(
            "Murat Nurtleu held talks with Wang Yi in Astana. President Berdimuhamedov sent a "
            "message."
        ),
    )
    link_source(source)
    return source


def test_source_page_lists_suggestions_with_buttons(client, editor, suggested):
    client.force_login(editor)
    page = client.get(reverse("admin:sources_source_change", args=[suggested.pk])).content
    assert b"Found in this source" in page
    assert b"Murat Nurtleu" in page
    assert b"It is Gurbanguly Berdimuhamedov" in page and b"It is Serdar Berdimuhamedov" in page


def test_one_click_accept_and_reject(client, editor, suggested, cast):
    client.force_login(editor)
    nurtleu = Mention.objects.get(object_id=cast["nurtleu"].id, kind="person")
    place = Mention.objects.get(kind="place")
    client.post(reverse("admin:events_mention_accept", args=[nurtleu.pk]))
    client.post(reverse("admin:events_mention_reject", args=[place.pk]))
    nurtleu.refresh_from_db()
    place.refresh_from_db()
    assert (nurtleu.decision, place.decision) == ("accepted", "rejected")
    # no event cites the source yet: nothing of the minister's own record rests on it
    assert not cast["nurtleu"].citations.exists()


def test_ambiguous_suggestion_is_accepted_by_choosing(client, editor, suggested, cast):
    client.force_login(editor)
    mention = Mention.objects.get(kind="person", object_id__isnull=True)
    url = reverse("admin:events_mention_accept", args=[mention.pk])
    client.post(url)  # no choice: refused, nothing saved
    assert not Citation.objects.exists()
    client.post(f"{url}?record={cast['serdar'].id}")
    mention.refresh_from_db()
    assert (mention.record, mention.decision) == (cast["serdar"], "accepted")
    assert not cast["serdar"].citations.exists()


def test_bulk_accept_skips_ambiguous_ones(client, editor, suggested):
    client.force_login(editor)
    ids = list(Mention.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("admin:events_mention_changelist"),
        {"action": "accept_selected", "_selected_action": ids},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "3 suggestion(s) accepted; 1 ambiguous left for you to choose."
    ]
    assert Mention.objects.filter(decision="accepted").count() == 3
    assert not Citation.objects.exists()  # no event cites the source: no relation to cite on


def test_accepting_in_the_list_cites_the_event_the_source_backs(client, editor, suggested, cast):
    event = f.EventFactory(place=cast["astana"])
    f.ParticipationFactory(event=event, person=cast["nurtleu"])
    Citation.objects.create(source=suggested, record=event, excerpt="sent a message")
    Mention.objects.update(decision="suggested")
    client.force_login(editor)
    nurtleu = Mention.objects.get(object_id=cast["nurtleu"].id, kind="person")
    response = client.post(reverse("admin:events_mention_accept", args=[nurtleu.pk]), follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    assert f"cited on “{event}” (participants)" in message
    assert Citation.objects.for_object(event).filter(claim="participation").count() == 1
