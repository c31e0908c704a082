"""From a source to the event it reports, in the admin: the event form filled from the source,
suggestions settled by the editor's work, and accepting a suggestion cites the relation it
supports — never the person's own record."""

import datetime

import pytest
from django.urls import reverse

from events.drafting import draft_event
from events.linking.index import invalidate
from events.linking.service import accept_mention, link_source
from events.models import Event, Mention, Person, Place
from sources.models import Citation, Source
from tests import factories as f
from tests.security.test_permission_matrix import form_fields

D = datetime.date
TALKS = "Wang Yi held talks with Murat Nurtleu in Almaty on 3 March. They discussed trade."


@pytest.fixture
def cast(db):
    invalidate()
    china = f.StateFactory(name="China", iso_code="CHN")
    kazakhstan = f.StateFactory(name="Kazakhstan", iso_code="KAZ")
    people = {
        "wang": f.PersonFactory(name="Wang Yi", slug="wang-yi"),
        "nurtleu": f.PersonFactory(name="Murat Nurtleu", slug="murat-nurtleu"),
    }
    f.PositionFactory(person=people["wang"], organization=china, role="Minister of Foreign Affairs")
    f.PositionFactory(
        person=people["nurtleu"], organization=kazakhstan, role="Minister of Foreign Affairs"
    )
    almaty = f.PlaceFactory(name="Almaty", slug="almaty", country=kazakhstan)
    yield {**people, "almaty": almaty, "kazakhstan": kazakhstan}
    invalidate()


@pytest.fixture
def source(cast):
    source = f.SourceFactory(body=TALKS, published_on=D(2025, 3, 4), status="draft", summary="")
    link_source(source)
    return source


def posted(response) -> dict:
    """What the browser would post back: the form as shown, rows included."""
    data = form_fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data.update(form_fields(inline.formset.management_form))
        for row in inline.formset.forms:
            data.update(form_fields(row))
    return data


def suggestions(source, decision):
    return set(
        Mention.objects.filter(source=source, kind="person", decision=decision).values_list(
            "object_id", flat=True
        )
    )


def test_source_page_saves_the_source_then_opens_the_event_form(client, superuser, source):
    client.force_login(superuser)
    page = client.get(reverse("admin:sources_source_change", args=[source.pk]))
    assert b"Save and create event from this source" in page.content
    data = {**posted(page), "summary": "Wang Yi and Murat Nurtleu met in Almaty."}
    response = client.post(page.wsgi_request.path, {**data, "_create_event": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:events_event_add')}?from_source={source.pk}"
    source.refresh_from_db()
    assert source.summary == "Wang Yi and Murat Nurtleu met in Almaty."  # typed, not lost


def test_event_form_filled_from_the_source_saves_a_cited_event(client, superuser, source, cast):
    client.force_login(superuser)
    url = f"{reverse('admin:events_event_add')}?from_source={source.pk}"
    form = client.get(url)
    assert form.status_code == 200
    assert "Filled from" in form.content.decode()
    fields = form.context["adminform"].form
    assert fields["place"].value() == cast["almaty"].pk
    assert fields["start_date"].value() == D(2025, 3, 3)
    assert fields["title"].value() == "Talks between Wang Yi and Murat Nurtleu in Almaty"
    assert suggestions(source, "suggested") >= {cast["wang"].pk, cast["nurtleu"].pk}

    # the editor saves the form as filled: no copying by hand
    response = client.post(url, posted(form))
    assert response.status_code == 302, response.context and response.context["errors"]
    event = Event.objects.get(title="Talks between Wang Yi and Murat Nurtleu in Almaty")
    assert set(event.participations.values_list("person__slug", flat=True)) == {
        "wang-yi",
        "murat-nurtleu",
    }
    cited = Citation.objects.for_object(event)
    assert {c.claim for c in cited} >= {"start_date", "place", "participation"}
    assert all(c.source == source and c.excerpt in TALKS for c in cited)
    # the suggestions the event answers are settled
    assert suggestions(source, "accepted") >= {cast["wang"].pk, cast["nurtleu"].pk}
    almaty = Mention.objects.get(source=source, kind="place", object_id=cast["almaty"].pk)
    assert almaty.decision == "accepted"


def test_add_to_an_existing_event_adds_what_it_lacks(client, superuser, source, cast):
    event = f.EventFactory(
        title="Wang Yi in Almaty", start_date=D(2025, 3, 3), place=cast["almaty"], kind="talks"
    )
    f.ParticipationFactory(event=event, person=cast["wang"])
    client.force_login(superuser)
    page = client.get(reverse("admin:sources_source_change", args=[source.pk]))
    assert event in page.context["drafting"]["matches"]
    response = client.post(page.wsgi_request.path, {**posted(page), "_add_to_event": event.pk})
    assert response["Location"].endswith(
        f"/events/event/{event.pk}/change/?from_source={source.pk}"
    )
    form = client.get(response["Location"])
    rows = next(
        i
        for i in form.context["inline_admin_formsets"]
        if i.formset.model.__name__ == "Participation"
    )
    new = [row for row in rows.formset.forms if row.instance.pk is None]
    assert [row["person"].value() for row in new] == [cast["nurtleu"].pk]  # Wang Yi is there
    saved = client.post(response["Location"], posted(form))
    assert saved.status_code == 302
    assert event.participations.count() == 2
    assert Citation.objects.for_object(event).filter(source=source, claim="participation").exists()
    assert suggestions(source, "accepted") >= {cast["wang"].pk, cast["nurtleu"].pk}


def test_an_unknown_source_leaves_the_form_empty_with_a_message(client, superuser, db):
    client.force_login(superuser)
    response = client.get(f"{reverse('admin:events_event_add')}?from_source=999999")
    assert response.status_code == 200
    assert "does not exist" in response.content.decode()


def test_accepting_cites_the_participation_not_the_person(source, cast, editor):
    event = f.EventFactory(start_date=D(2025, 3, 3))
    f.ParticipationFactory(event=event, person=cast["nurtleu"])
    f.CitationFactory(record=event, source=source, excerpt="They discussed trade.")
    mention = Mention.objects.get(source=source, kind="person", object_id=cast["wang"].pk)
    accept_mention(mention=mention, user=editor)
    assert not Citation.objects.for_object(cast["wang"]).exists()
    # Wang Yi is not a participant: nothing of the event rests on his name yet
    nurtleu = Mention.objects.get(source=source, kind="person", object_id=cast["nurtleu"].pk)
    assert nurtleu.decision == "accepted"  # settled when the event cited the source


def test_accepting_a_participant_cites_the_sentence_on_the_event(source, cast, editor):
    event = f.EventFactory(start_date=D(2025, 3, 3))
    f.CitationFactory(record=event, source=source, excerpt="They discussed trade.")
    f.ParticipationFactory(event=event, person=cast["wang"])
    mention = Mention.objects.get(source=source, kind="person", object_id=cast["nurtleu"].pk)
    f.ParticipationFactory(event=event, person=cast["nurtleu"])
    mention.refresh_from_db()
    assert mention.decision == "accepted"  # the participation settled it
    Mention.objects.filter(pk=mention.pk).update(decision="suggested")
    mention.refresh_from_db()
    [citation] = accept_mention(mention=mention, user=editor)
    assert citation.record == event and citation.claim == "participation"
    assert citation.excerpt == mention.sentence
    assert not Citation.objects.for_object(cast["nurtleu"]).exists()


def test_accept_and_reject_answer_the_page_without_posting_its_form(client, superuser, source):
    client.force_login(superuser)
    page = client.get(reverse("admin:sources_source_change", args=[source.pk]))
    html = page.content.decode()
    assert 'form="side-actions"' in html and '<form id="side-actions"' in html
    mention = Mention.objects.filter(source=source, kind="person").first()
    response = client.post(
        reverse("admin:events_mention_reject", args=[mention.pk]),
        headers={"x-requested-with": "fetch"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and "will not be suggested again" in body["message"]
    assert body["html"] == '<span data-replace="decision">Rejected</span>'
    source.refresh_from_db()
    assert source.summary == ""  # nothing else was posted, nothing else changed
    assert Source.objects.count() == 1 and Person.objects.count() == 2
    assert Place.objects.count() == 1


def test_a_dateline_with_the_filing_date_does_not_hide_the_meeting(cast):
    source = f.SourceFactory(
        body="ALMATY, 4 March 2025 — Wang Yi held talks with Murat Nurtleu in Almaty on 3 March.",
        published_on=None,
        status="draft",
    )
    link_source(source)
    draft = draft_event(source)
    assert draft.start_date == D(2025, 3, 3)
    assert [p.person for p in draft.participants] == [cast["wang"], cast["nurtleu"]]
    assert draft.place == cast["almaty"]
