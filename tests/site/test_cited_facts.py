"""A citation names the fact it backs, from the record's own list; the page marks that fact."""

import datetime
import re

import pytest
from django.urls import reverse

from events.models import Position
from sources.models import Citation
from tests import factories as f
from tests.api_clients import EditingClient
from tests.security.test_permission_matrix import form_fields

pytestmark = pytest.mark.django_db

CITATIONS = "sources-citation-content_type-object_id"


def cite(record, source, claim: str = "", excerpt: str = "Talks were held in Astana"):
    return f.CitationFactory(source=source, record=record, excerpt=excerpt, claim=claim)


@pytest.fixture
def source():
    return f.SourceFactory(body="Talks were held in Astana on 2 March 2024. He is the minister.")


def test_the_admin_offers_the_facts_of_the_record_being_cited(client, editor):
    client.force_login(editor)
    event_form = client.get(reverse("admin:events_event_add")).content.decode()
    agreement_form = client.get(reverse("admin:events_agreement_add")).content.decode()

    def offered(page: str) -> set[str]:
        select = re.search(r'<select name="[^"]*__prefix__-claim".*?</select>', page, re.S)
        return set(re.findall(r">([^<]+)</option>", select.group(0)))

    assert {"date", "place", "participants", "summary (the record as a whole)"} <= offered(
        event_form
    )
    assert "signatories" not in offered(event_form)
    assert {"signing date", "signatories", "parties"} <= offered(agreement_form)


def test_a_citation_saved_in_the_admin_keeps_the_fact_chosen(client, editor, source):
    event = f.EventFactory(status="draft")
    client.force_login(editor)
    page = client.get(reverse("admin:events_event_change", args=[event.pk]))
    data = {**form_fields(page.context["adminform"].form), "_save": "Save"}
    for inline in page.context["inline_admin_formsets"]:
        data.update(form_fields(inline.formset.management_form))
    data.update(
        {
            f"{CITATIONS}-TOTAL_FORMS": "1",
            f"{CITATIONS}-0-source": source.pk,
            f"{CITATIONS}-0-excerpt": "Talks were held in Astana",
            f"{CITATIONS}-0-claim": "start_date",
            f"{CITATIONS}-0-position": "0",
        }
    )
    response = client.post(reverse("admin:events_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Citation.objects.for_object(event).get().claim == "start_date"


def test_the_api_takes_a_fact_by_its_name_and_refuses_one_the_record_lacks(editor, source):

    event = f.EventFactory(status="draft")
    api = EditingClient()
    api.force_authenticate(editor)
    url = f"/api/v1/events/{event.slug}/"
    citation = {"source": source.slug, "excerpt": "Talks were held in Astana"}
    ok = api.patch(url, {"citations": [{**citation, "claim": "Participants"}]}, format="json")
    assert ok.status_code == 200, ok.json()
    assert Citation.objects.for_object(event).get().claim == "participation"
    bad = api.patch(url, {"citations": [{**citation, "claim": "signature"}]}, format="json")
    assert bad.status_code == 400
    message = str(bad.json())
    assert "not a fact of a event" in message or "not a fact of an event" in message
    assert "start_date (date)" in message
    assert Citation.objects.for_object(event).get().claim == "participation"  # nothing lost


def test_each_fact_carries_its_own_note_marker(client, source):
    kaz = f.StateFactory(name="Kazakhstan")
    person = f.PersonFactory(name="Murat Nurtleu", country=kaz)
    f.PositionFactory(
        person=person,
        organization=kaz,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=datetime.date(2023, 9, 1),
    )
    cite(person, source, "office", excerpt="He is the minister")
    page = client.get(person.get_absolute_url()).content.decode()
    offices = re.search(r'<h2 id="offices-heading">.*?</h2>', page, re.S).group(0)
    assert 'href="#note-1"' in offices

    agreement = f.AgreementFactory(signed_on=datetime.date(2024, 3, 2))
    agreement.parties.add(kaz)
    cite(agreement, source, "legal_status")
    page = client.get(agreement.get_absolute_url()).content.decode()
    status = re.search(r"<dt>Status</dt><dd>.*?</dd>", page, re.S).group(0)
    assert 'href="#note-1"' in status
    assert "Backs the legal status." in page  # the note says which fact it backs
