""" "Used by": every record's admin page lists what points at it, grouped and counted, at a
fixed number of queries; withdrawing or deleting a record published records use asks first."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cmsproject.editorial.models import Status
from cmsproject.editorial.references import used_by
from tests import factories as f


@pytest.fixture
def kazakhstan(db):
    kaz = f.StateFactory(name="Kazakhstan", iso_code="KAZ", slug="kazakhstan")
    astana = f.PlaceFactory(name="Astana", country=kaz)
    for n in range(3):
        event = f.EventFactory(title=f"Meeting {n}", place=astana)
        person = f.PersonFactory(name=f"Minister {n}")
        f.ParticipationFactory(event=event, person=person, representing=kaz)
        f.PositionFactory(person=person, organization=kaz)
    f.PositionFactory(
        person=f.PersonFactory(name="Draft Person", status=Status.DRAFT), organization=kaz
    )
    return kaz


def test_used_by_groups_and_counts_what_points_at_a_record(kazakhstan):
    usages = {u.label: u for u in used_by(kazakhstan)}
    assert usages["Places — country"].count == 1
    assert usages["Participations — representing"].count == 3
    offices = usages["Positions — organization"]
    assert (offices.count, offices.live) == (4, 3)  # one office is a draft person's
    assert "Draft Person" in {str(r) for r in offices.records}


def test_used_by_costs_the_same_queries_however_many_rows(kazakhstan):
    with CaptureQueriesContext(connection) as few:
        used_by(kazakhstan)
    for _ in range(20):
        f.ParticipationFactory(
            event=f.EventFactory(), person=f.PersonFactory(), representing=kazakhstan
        )
    with CaptureQueriesContext(connection) as many:
        used_by(kazakhstan)
    assert len(many) == len(few)


def test_the_change_form_shows_used_by(kazakhstan, editor):
    client = Client()
    client.force_login(editor)
    html = client.get(f"/admin/events/organization/{kazakhstan.pk}/change/").content.decode()
    assert 'id="used-by"' in html
    assert "Participations — representing" in html


def test_withdrawing_a_used_record_asks_first_in_the_form_and_in_bulk(kazakhstan, editor):
    client = Client()
    client.force_login(editor)
    url = "/admin/events/organization/"
    response = client.post(url, {"action": "withdraw", "_selected_action": [kazakhstan.pk]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Withdraw records that published records use?" in html
    assert "Meeting 0" in html or "Minister 0" in html
    kazakhstan.refresh_from_db()
    assert kazakhstan.status == Status.PUBLISHED  # nothing happened yet
    response = client.post(
        url,
        {"action": "withdraw", "_selected_action": [kazakhstan.pk], "confirm_withdraw": "yes"},
    )
    assert response.status_code == 302
    kazakhstan.refresh_from_db()
    assert kazakhstan.status == Status.WITHDRAWN


def test_deleting_shows_what_uses_the_record(kazakhstan, superuser):
    client = Client()
    client.force_login(superuser)
    html = client.get(f"/admin/events/organization/{kazakhstan.pk}/delete/").content.decode()
    assert 'id="used-by"' in html and "Positions — organization" in html


def test_withdrawing_a_used_record_in_its_form_needs_withdraw_anyway(kazakhstan, editor):
    from django.contrib import admin

    from events.models import Organization
    from tests.security.test_permission_matrix import admin_form_data

    client = Client()
    client.force_login(editor)
    url = f"/admin/events/organization/{kazakhstan.pk}/change/"
    data = admin_form_data(admin.site._registry[Organization], editor, kazakhstan)
    data["status"] = Status.WITHDRAWN
    data.pop("withdraw_anyway", None)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Published records use this organization" in response.content.decode()
    kazakhstan.refresh_from_db()
    assert kazakhstan.status == Status.PUBLISHED
    response = client.post(url, {**data, "withdraw_anyway": "on"})
    assert response.status_code == 302
    kazakhstan.refresh_from_db()
    assert kazakhstan.status == Status.WITHDRAWN
