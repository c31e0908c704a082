"""The admin's Activity page: who published, withdrew, merged, imported and edited what, when."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cmsproject.editorial import actions, audit
from cmsproject.editorial.models import Status
from cmsproject.ops.worker import run_due_tasks
from events import merging
from events.models import Event, Person
from sources.models import Source
from tests import factories as f
from tests.test_admin import event_form_data

pytestmark = pytest.mark.django_db

URL = reverse("admin-activity")

ARTICLE = "\n\n".join(
    [
        "Kazakhstan and China agree on new subcommittees",
        "Chinese Foreign Minister Wang Yi arrived in Astana on Monday for an official visit and "
        "held talks with Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu.",
        "The two ministers signed a protocol creating new subcommittees on agriculture and on "
        "innovation within the intergovernmental cooperation committee of the two states.",
    ]
).encode()


def entries(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["page"].entries


def lines(found):
    return {(e.action, e.record_type, e.label, e.user) for e in found}


@pytest.fixture
def newsroom(client, editor, contributor):
    """A day's work: publications by action, form and service, a withdrawal, a review, a
    merge and an import."""
    client.force_login(editor)
    bulk = f.EventFactory(status=Status.REVIEW, title="Bulk-published summit")
    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "_selected_action": [bulk.pk]},
    )
    client.post(
        reverse("admin:events_event_add"),
        event_form_data(title="Form-published meeting", status="published"),
    )
    talks = f.EventFactory(status=Status.REVIEW, title="Service-published talks")
    actions.publish(obj=talks, user=editor)
    actions.withdraw(obj=f.EventFactory(title="Withdrawn visit"), user=editor)
    actions.submit_for_review(
        obj=f.PersonFactory(status=Status.DRAFT, name="Draft"), user=contributor
    )
    kept = f.PersonFactory(name="Sadyr Japarov")
    merging.merge_records(keep=kept, duplicates=[f.PersonFactory(name="Caparov")], user=editor)
    client.post(
        reverse("admin:sources_source_import"),
        {"files": [SimpleUploadedFile("wire.txt", ARTICLE, content_type="text/plain")]},
    )
    run_due_tasks()  # the import's worker
    assert Source.objects.filter(title__startswith="Kazakhstan and China").exists()
    return editor


def test_activity_shows_who_did_what(client, newsroom):
    found = entries(client)
    assert {
        ("published", "event", "Bulk-published summit", "edith"),
        ("published", "event", "Form-published meeting", "edith"),
        ("published", "event", "Service-published talks", "edith"),
        ("withdrawn", "event", "Withdrawn visit", "edith"),
        ("review", "person", "Draft", "carla"),
        ("merged", "person", "Sadyr Japarov", "edith"),
        ("merged", "person", "Caparov", "edith"),
        ("imported", "source", "Kazakhstan and China agree on new subcommittees", "edith"),
    } <= lines(found)
    assert [e.date for e in found] == sorted((e.date for e in found), reverse=True)
    assert all(timezone.now() - e.date < datetime.timedelta(minutes=5) for e in found)


def test_rows_link_to_the_record_and_its_history(client, newsroom):
    html = client.get(URL).content.decode()
    kept = Person.objects.get(name="Sadyr Japarov")
    assert reverse("admin:events_person_change", args=[kept.pk]) in html
    assert reverse("admin:events_person_history", args=[kept.pk]) in html
    assert "Merged “Caparov” into this record" in html
    assert "edith" in html and "carla" in html


def test_admin_index_links_to_activity(client, editor):
    client.force_login(editor)
    assert f'href="{URL}"' in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"action": "published"}, {"Bulk-published summit", "Form-published meeting"}),
        ({"action": "withdrawn"}, {"Withdrawn visit"}),
        ({"action": "review"}, {"Draft"}),
        ({"action": "merged"}, {"Sadyr Japarov", "Caparov"}),
        ({"action": "imported"}, {"Kazakhstan and China agree on new subcommittees"}),
    ],
)
def test_filter_by_action(client, newsroom, params, expected):
    found = {e.label for e in entries(client, **params)}
    assert expected <= found
    assert {e.action for e in entries(client, **params)} == {params["action"]}


def test_filter_by_user_and_record_type(client, newsroom, contributor):
    by_carla = entries(client, user=contributor.pk)
    assert lines(by_carla) == {("review", "person", "Draft", "carla")}
    people = entries(client, record_type="events.person")
    assert {e.record_type for e in people} == {"person"}
    assert {"Draft", "Sadyr Japarov", "Caparov"} <= {e.label for e in people}


def test_filter_by_date_range(client, editor):
    old = f.EventFactory(title="Old meeting")
    Event.history.filter(id=old.pk).update(
        history_date=timezone.make_aware(datetime.datetime(2020, 5, 1, 12))
    )
    f.EventFactory(title="New meeting")
    client.force_login(editor)
    found = entries(client, date_from="2020-04-30", date_to="2020-05-01")
    assert {e.label for e in found} == {"Old meeting"}
    assert "Old meeting" not in {e.label for e in entries(client, date_from="2020-05-02")}
    assert (
        client.get(URL, {"date_from": "2020-05-02", "date_to": "2020-05-01"}).context["form"].errors
    )


def test_csv_download_follows_the_filters(client, newsroom):
    response = client.get(URL, {"action": "published", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["when", "user", "action", "record type", "record id", "record", "note"]
    assert {(r[1], r[2], r[5]) for r in rows[1:]} >= {
        ("edith", "published", "Bulk-published summit"),
        ("edith", "published", "Service-published talks"),
    }
    assert {r[2] for r in rows[1:]} == {"published"}


def test_non_staff_are_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    reader = f.UserFactory(username="reader", is_staff=False)
    client.force_login(reader)
    response = client.get(URL)
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_pages_follow_each_other_without_gaps(editor):
    person = f.PersonFactory(name="Often edited")
    for _ in range(23):
        person.save()
    f.EventFactory()  # rows of other tables interleave
    every = list(audit.iter_activity(user=editor, filters=audit.Filters(), batch=1000))
    pages, before = [], None
    while True:
        page = audit.activity_page(user=editor, filters=audit.Filters(), before=before, size=7)
        pages.append(page)
        if page.older is None:
            break
        before = page.older
    walked = [e for page in pages for e in page.entries]
    assert walked == every and len(walked) > 24
    back = audit.activity_page(user=editor, filters=audit.Filters(), after=pages[2].newer, size=7)
    assert back.entries == pages[1].entries


def _history_rows(n):
    person = f.PersonFactory(name="Edited")
    for _ in range(n - 1):
        person.save()


def test_page_queries_do_not_grow_with_history(client, superuser, django_assert_num_queries):
    client.force_login(superuser)
    _history_rows(10)
    client.get(URL)
    with CaptureQueriesContext(connection) as small:
        assert len(client.get(URL).context["page"].entries) >= 10
    _history_rows(40)
    with django_assert_num_queries(len(small)):
        assert len(client.get(URL).context["page"].entries) == 50


def test_classify_matches_the_filter_conditions(editor):
    for action in audit.ACTIONS:
        audit.action_condition(action)  # every action has a condition
    assert audit.classify("+", "Imported from a.txt") == "imported"
    assert audit.classify("~", "Published") == "published"
    assert audit.classify("-", "Merged into “X”") == "merged"
    assert audit.classify("~", None) == "edited"
