"""Merging duplicate events and sources (issue 13, item 5): the same merge as for people, with
the duplicate's old address — page and API — leading to the record kept."""

import pytest
from django.test import Client
from django.urls import reverse

from cmsproject.editorial.models import Status
from events.models import Event, Participation
from sources.models import Citation, Source
from tests import factories as f

pytestmark = pytest.mark.django_db


def merge_in_admin(client, model, records, keep):
    opts = model._meta
    return client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        {
            "action": "merge_duplicates",
            "_selected_action": [r.pk for r in records],
            "keep": keep.pk,
            "post": "yes",
        },
        follow=True,
    )


def test_two_entries_of_one_meeting_become_one(client, editor):
    minister = f.PersonFactory(name="Wang Yi")
    envoy = f.PersonFactory(name="Murat Nurtleu")
    kept = f.EventFactory(title="Wang Yi visits Astana", slug="wang-yi-visits-astana")
    dup = f.EventFactory(title="Wang Yi in Astana", slug="wang-yi-in-astana", summary="Talks.")
    f.ParticipationFactory(event=kept, person=minister, role="")
    f.ParticipationFactory(event=dup, person=minister, role="Foreign Minister")
    f.ParticipationFactory(event=dup, person=envoy)
    f.CitationFactory(record=dup, excerpt="The two ministers met")
    sideline = f.EventFactory(parent=dup, title="Business forum")

    client.force_login(editor)
    response = merge_in_admin(client, Event, [kept, dup], keep=kept)
    (message,) = [str(m) for m in response.context["messages"]]
    assert message.startswith("Merged “Wang Yi in Astana” into “Wang Yi visits Astana”.")
    assert response.redirect_chain[-1][0] == reverse("admin:events_event_change", args=[kept.pk])
    assert not Event.objects.filter(pk=dup.pk).exists()
    people = dict(Participation.objects.filter(event=kept).values_list("person__name", "role"))
    assert people == {"Wang Yi": "Foreign Minister", "Murat Nurtleu": ""}  # once each
    assert Citation.objects.for_object(kept).count() == 1
    sideline.refresh_from_db()
    assert sideline.parent_id == kept.pk
    kept.refresh_from_db()
    assert kept.summary == "Talks."  # an empty field filled from the duplicate

    reader = Client()
    old = reader.get("/events/wang-yi-in-astana/")
    assert (old.status_code, old["Location"]) == (301, kept.get_absolute_url())
    api = reader.get("/api/v1/events/wang-yi-in-astana/")
    assert api.status_code == 301
    assert api["Location"].endswith("/api/v1/events/wang-yi-visits-astana/")
    assert "Murat Nurtleu" in reader.get(kept.get_absolute_url()).content.decode()


def test_one_article_imported_twice_becomes_one_source(client, editor):
    kept = f.SourceFactory(title="Kazakhstan and China sign agreements", slug="kz-cn-sign")
    dup = f.SourceFactory(title="Kazakhstan, China sign agreements", slug="kz-cn-sign-2")
    person = f.PersonFactory()
    event = f.EventFactory()
    f.CitationFactory(source=dup, record=person, excerpt="Bilateral trade reached a record high")
    f.CitationFactory(source=kept, record=event, excerpt="Bilateral trade reached a record high")
    f.CitationFactory(source=dup, record=event, excerpt="Bilateral trade reached a record high")

    client.force_login(editor)
    page = client.post(
        reverse("admin:sources_source_changelist"),
        {"action": "merge_duplicates", "_selected_action": [kept.pk, dup.pk]},
    )
    assert page.status_code == 200 and "citations" in page.content.decode()
    merge_in_admin(client, Source, [kept, dup], keep=kept)
    assert not Source.objects.filter(pk=dup.pk).exists()
    assert Citation.objects.filter(source=kept).count() == 2  # the repeat dropped
    assert Citation.objects.for_object(person).get().source_id == kept.pk

    old = Client().get("/sources/kz-cn-sign-2/")
    assert (old.status_code, old["Location"]) == (301, kept.get_absolute_url())
    api = Client().get("/api/v1/sources/kz-cn-sign-2/")
    assert api.status_code == 301 and api["Location"].endswith("/api/v1/sources/kz-cn-sign/")


def test_a_contributor_cannot_merge_events(client, contributor):
    kept, dup = f.EventFactory(), f.EventFactory()
    client.force_login(contributor)
    merge_in_admin(client, Event, [kept, dup], keep=kept)
    assert Event.objects.filter(pk__in=[kept.pk, dup.pk]).count() == 2
    assert Event.objects.get(pk=kept.pk).status == Status.PUBLISHED
