"""generate_data builds a realistic dataset: every relation filled, a mix of statuses."""

import pytest
from django.core.management import call_command

from events.models import Agreement, Event, Mention, Participation, Person, PersonAlias, Position
from sources.models import Citation, Source

pytestmark = pytest.mark.django_db


def test_generate_small_dataset(client, capsys):
    call_command(
        "generate_data",
        "--sources",
        "300",
        "--events",
        "40",
        "--people",
        "30",
        "--agreements",
        "10",
        "--seed",
        "7",
    )
    assert "Generated 300 sources, 40 events, 30 people, 10 agreements" in capsys.readouterr().out
    assert (
        Source.objects.count(),
        Event.objects.count(),
        Person.objects.count(),
        Agreement.objects.count(),
    ) == (300, 40, 30, 10)
    assert PersonAlias.objects.count() >= 30 and Position.objects.count() == 30
    assert Participation.objects.count() >= 80
    assert Citation.objects.count() >= 40 and Mention.objects.exists()
    statuses = set(Event.objects.values_list("status", flat=True))
    assert {"published", "draft"} <= statuses
    for citation in Citation.objects.select_related("source")[:20]:
        citation.full_clean()  # excerpts really occur in their sources
    event = Event.objects.published().first()
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get("/search/?q=meeting").status_code == 200


def test_same_seed_twice_adds_distinct_rows(capsys):
    for _ in range(2):
        call_command(
            "generate_data",
            "--sources",
            "20",
            "--events",
            "5",
            "--people",
            "5",
            "--agreements",
            "2",
            "--seed",
            "1",
        )
    assert Source.objects.count() == 40


def test_a_bulk_load_leaves_the_planner_statistics(capsys):
    from django.db import connection

    call_command("generate_data", "--sources", "50", "--events", "10", "--people", "5")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'events_participation'")
        else:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'events_participation'")
        assert cursor.fetchone()[0] > 0
