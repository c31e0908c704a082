"""The editor's desk (issue 14): the dashboard as the admin's home, workflow buttons with words
that say what happened and what comes next, review comments, and e-mail when work waits for an
Editor or has been decided on."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib import admin
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cmsproject.editorial import comments, pending
from cmsproject.editorial.models import Status
from events import models as ev
from tests import factories as f
from tests.api_clients import EditingClient
from tests.security.test_permission_matrix import admin_form_data, form_errors

pytestmark = pytest.mark.django_db

_committing = []


@pytest.fixture(autouse=True)
def _on_commit(django_capture_on_commit_callbacks):
    """E-mail goes out once a change commits: each request below runs its callbacks."""
    _committing[:] = [django_capture_on_commit_callbacks]
    yield
    _committing.clear()


def committed(call):
    with _committing[0](execute=True):
        return call()


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def press(client, record, superuser, button: str | None, **extra):
    """Post the record's change form as the admin renders it, pressing ``button``."""
    data = admin_form_data(admin.site._registry[type(record)], superuser, record)
    data.update(extra)
    if button:
        data["_workflow"] = button
    return committed(lambda: client.post(change_url(record), data, follow=True))


def said(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def text(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


# ---- workflow buttons ----------------------------------------------------------------------


def test_the_status_is_moved_by_buttons_not_a_dropdown(contributor, editor):
    draft = f.EventFactory(status=Status.DRAFT, created_by=contributor)
    page = logged_in(contributor).get(change_url(draft))
    html = page.content.decode()
    assert '<select name="status"' not in html
    assert 'name="_workflow" value="review"' in html  # Submit for review
    assert 'value="published"' not in re.sub(r'name="status"[^>]*', "", html)
    page = logged_in(editor).get(change_url(draft))
    assert b'name="_workflow" value="published"' in page.content
    assert b"Submit for review" in page.content and b"Publish" in page.content
    assert b"only staff see it" in page.content  # where the record stands


def test_submitting_for_review_says_what_comes_next_and_tells_the_editors(
    contributor, editor, superuser
):
    draft = f.EventFactory(status=Status.DRAFT, created_by=contributor, title="Talks in Bishkek")
    response = press(
        logged_in(contributor),
        draft,
        superuser,
        "review",
        workflow_comment="Dates checked against two sources.",
    )
    assert response.status_code == 200, form_errors(response)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    (message,) = said(response)
    assert "submitted for review" in message and "Editors have been told by e-mail" in message
    assert "changed successfully" not in message
    assert response.redirect_chain[-1][0] == change_url(draft)  # stays on the record
    # Editors (and the superuser) are told, the contributor is not.
    (email,) = mail.outbox
    assert set(email.to) == {editor.email, superuser.email}
    assert "For your review" in email.subject and "Talks in Bishkek" in email.subject
    assert "Dates checked against two sources." in email.body
    assert change_url(draft) in email.body
    # The words went into the record's comments, with the step they came with.
    (comment,) = comments.comments_on(draft)
    assert comment.context == "submitted for review" and comment.created_by == contributor


def test_publishing_and_sending_back_tell_the_author(contributor, editor, superuser):
    record = f.EventFactory(status=Status.REVIEW, created_by=contributor)
    response = press(logged_in(editor), record, superuser, "draft", workflow_comment="Add a source")
    (message,) = said(response)
    assert "sent back to draft" in message and "author has been told" in message
    (email,) = mail.outbox
    assert email.to == [contributor.email] and "Sent back to draft" in email.subject
    assert "Add a source" in email.body
    mail.outbox.clear()
    record.refresh_from_db()
    record.status = Status.REVIEW
    record.save()
    response = press(logged_in(editor), record, superuser, "published")
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    (message,) = said(response)
    assert "readers see it now" in message and record.get_absolute_url() in message
    (email,) = mail.outbox
    assert email.to == [contributor.email] and "Published" in email.subject
    assert record.get_absolute_url() in email.body


def test_a_contributor_cannot_press_publish_by_hand(contributor, superuser):
    draft = f.EventFactory(status=Status.DRAFT, created_by=contributor)
    response = press(logged_in(contributor), draft, superuser, "published")
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert "only Editors may publish" in response.content.decode()
    assert mail.outbox == []


def test_a_refused_save_sends_nothing_and_keeps_no_comment(contributor, editor, superuser):
    draft = f.EventFactory(status=Status.DRAFT, created_by=contributor)
    response = press(
        logged_in(contributor), draft, superuser, "review", title="", workflow_comment="Ready"
    )
    assert response.status_code == 200 and response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert mail.outbox == [] and not comments.comments_on(draft).exists()


def test_a_plain_save_says_where_the_record_stands(contributor, superuser):
    draft = f.EventFactory(status=Status.DRAFT, created_by=contributor)
    response = press(logged_in(contributor), draft, superuser, None, _continue="1")
    (message,) = said(response)
    assert "was saved" in message and "Submit it for review when it is ready" in message


def test_a_new_record_can_be_submitted_from_the_add_form(contributor, editor, superuser):
    model_admin = admin.site._registry[ev.Topic]
    data = admin_form_data(model_admin, superuser)
    data.update({"name": "Water", "slug": "water", "_workflow": "review"})
    url = reverse("admin:events_topic_add")
    response = committed(lambda: logged_in(contributor).post(url, data, follow=True))
    topic = ev.Topic.objects.get(slug="water")
    assert topic.status == Status.REVIEW, form_errors(response)
    assert "submitted for review" in said(response)[0]
    assert [m.to for m in mail.outbox] == [sorted([editor.email, superuser.email])]


def test_a_published_record_offers_withdraw_beside_the_pending_buttons(editor, superuser):
    record = f.EventFactory()
    page = logged_in(editor).get(change_url(record))
    assert b'name="_workflow" value="withdrawn"' in page.content
    assert b'name="_pending_review"' in page.content
    response = press(logged_in(editor), record, superuser, "withdrawn")
    record.refresh_from_db()
    assert record.status == Status.WITHDRAWN
    assert "off the public site" in said(response)[0]
    page = logged_in(editor).get(change_url(record))
    assert b"Publish again" in page.content


def test_submitting_pending_changes_tells_the_editors(contributor, editor, superuser):
    record = f.EventFactory(title="Summit in Astana")
    data = admin_form_data(admin.site._registry[ev.Event], superuser, record)
    data.update({"title": "Summit in Astana, day two", "_pending_review": "1"})
    committed(lambda: logged_in(contributor).post(change_url(record), data))
    assert pending.open_revision(record).state == pending.Revision.State.REVIEW
    (email,) = mail.outbox
    assert "Changes for your review" in email.subject
    assert contributor.email not in email.to and editor.email in email.to


# ---- comments ------------------------------------------------------------------------------


def test_comments_are_a_thread_on_the_record_and_never_public(contributor, editor):
    record = f.EventFactory(status=Status.DRAFT, created_by=contributor)
    url = reverse("admin:events_event_add_comment", args=[record.pk])
    response = logged_in(contributor).post(url, {"text": "Is the date right?"})
    assert response.status_code == 302 and response["Location"].endswith("#comments")
    # The page's script posts in the background and swaps in the new thread.
    response = logged_in(editor).post(
        url, {"text": "Yes: both sources agree."}, headers={"x-requested-with": "fetch"}
    )
    body = response.json()
    assert (
        body["ok"] and "Is the date right?" in body["html"] and "both sources agree" in body["html"]
    )
    page = logged_in(editor).get(change_url(record))
    thread = text(page.content)
    assert "Is the date right?" in thread and "carla" in thread and "open" in thread
    record.status = Status.PUBLISHED
    record.save()
    public = Client().get(record.get_absolute_url())
    assert public.status_code == 200 and b"Is the date right?" not in public.content


def test_an_empty_comment_is_refused_with_a_reason(contributor):
    record = f.EventFactory(status=Status.DRAFT)
    url = reverse("admin:events_event_add_comment", args=[record.pk])
    response = logged_in(contributor).post(url, {"text": "   "})
    assert response.status_code == 400 and b"Write something" in response.content
    response = logged_in(contributor).post(url, {"text": ""}, headers={"x-requested-with": "fetch"})
    assert response.status_code == 400 and not response.json()["ok"]
    assert not comments.Comment.objects.exists()


def test_comments_are_resolved_by_their_author_or_an_editor(contributor, editor):
    record = f.EventFactory(status=Status.DRAFT)
    other = f.contributor(username="omar")
    mine = comments.AddComment(record, user=contributor, text="Check the place").execute()

    def resolve(user, comment, **data):
        url = reverse("admin:events_event_resolve_comment", args=[record.pk, comment.pk])
        return logged_in(user).post(url, data)

    assert resolve(other, mine).status_code == 403
    mine.refresh_from_db()
    assert not mine.is_resolved
    assert resolve(contributor, mine).status_code == 302
    mine.refresh_from_db()
    assert mine.is_resolved and mine.resolved_by == contributor
    assert resolve(editor, mine, reopen="1").status_code == 302
    mine.refresh_from_db()
    assert not mine.is_resolved


# ---- the dashboard -------------------------------------------------------------------------


def panel(page, key: str) -> str:
    html = page.content.decode()
    start = html.index(f'id="desk-{key}"')
    return text(html[start : html.index("</section>", start)].encode())


def count_of(page, key: str) -> int:
    html = page.content.decode()
    start = html.index(f'id="desk-{key}"')
    return int(re.search(r'data-count="(\d+)"', html[start:]).group(1))


def test_the_admin_home_is_a_desk_of_work(contributor, editor, superuser):
    f.EventFactory(status=Status.REVIEW, title="Talks awaiting review", created_by=contributor)
    f.PersonFactory(status=Status.DRAFT, name="Draft Person", created_by=editor)
    f.PersonFactory(status=Status.DRAFT, name="Someone Else's Draft", created_by=contributor)
    live = f.EventFactory(title="Published summit")
    pending.SavePendingChanges(live, user=contributor, save=live.save).execute()
    soon = timezone.now() + datetime.timedelta(days=2)
    f.AgreementFactory(status=Status.REVIEW, go_live_at=soon, title="Scheduled protocol")
    comments.AddComment(live, user=contributor, text="Please check the ordinal").execute()
    source = f.SourceFactory(status=Status.DRAFT, title="Fresh import", created_by=contributor)
    ev.Mention.objects.create(
        source=source, kind="person", proposed_name="New Name", text="New Name", start=0, end=8
    )
    page = logged_in(editor).get(reverse("admin:index"))
    assert page.status_code == 200
    assert count_of(page, "review") == 2  # the event and the scheduled agreement
    assert "Talks awaiting review" in panel(page, "review")
    assert count_of(page, "drafts") == 1 and "Draft Person" in panel(page, "drafts")
    assert "Someone Else" not in panel(page, "drafts")
    assert count_of(page, "pending") == 1 and "Published summit" in panel(page, "pending")
    assert "Scheduled protocol" in panel(page, "scheduled")
    assert "Please check the ordinal" in panel(page, "comments")
    assert "Fresh import" in panel(page, "suggestions") and "1 suggestion" in panel(
        page, "suggestions"
    )
    assert "Fresh import" in panel(page, "imports")
    assert "Published summit" in panel(page, "published")
    # The technical tables are folded away below the records.
    html = logged_in(superuser).get(reverse("admin:index")).content.decode()
    assert html.index("desk-technical") > html.index("desk-apps")
    assert "Tokens" in html[html.index("desk-technical") :]


def test_a_contributor_sees_their_own_work_in_review(contributor, editor):
    f.EventFactory(status=Status.REVIEW, title="Mine in review", created_by=contributor)
    f.EventFactory(status=Status.REVIEW, title="Not mine", created_by=editor)
    page = logged_in(contributor).get(reverse("admin:index"))
    assert "My work in review" in panel(page, "review")
    assert "Mine in review" in panel(page, "review") and "Not mine" not in panel(page, "review")


def test_the_desk_reads_a_constant_number_of_queries(editor, django_assert_max_num_queries):
    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert logged_in(editor).get(reverse("admin:index")).status_code == 200
        return len(captured)

    f.EventFactory(status=Status.REVIEW)
    f.SourceFactory(status=Status.DRAFT)
    few = queries()
    for _ in range(15):
        f.EventFactory(status=Status.REVIEW)
        f.SourceFactory(status=Status.DRAFT)
    assert queries() == few


# ---- publish checks ------------------------------------------------------------------------


@pytest.fixture
def event_with_drafts(contributor):
    """An event in review whose place, cited source and participant are still drafts."""
    place = f.PlaceFactory(status=Status.DRAFT, name="Cholpon-Ata")
    record = f.EventFactory(status=Status.REVIEW, place=place, created_by=contributor)
    person = f.PersonFactory(status=Status.DRAFT, name="Draft Minister")
    f.ParticipationFactory(event=record, person=person)
    source = f.SourceFactory(status=Status.DRAFT, title="Draft article")
    f.CitationFactory(source=source, record=record, excerpt="The foreign ministers met in Chengdu")
    return record, [place, person, source]


def test_publishing_lists_the_unpublished_records_it_shows(editor, superuser, event_with_drafts):
    record, drafts = event_with_drafts
    response = press(logged_in(editor), record, superuser, "published")
    assert response.status_code == 200
    page = text(response.content)
    for draft in drafts:
        assert str(draft) in page
    assert "Publish all 4 together" in page and "Publish only this event" in page
    # Nothing was published, nobody was told.
    record.refresh_from_db()
    assert record.status == Status.REVIEW and mail.outbox == []
    assert all(type(d).objects.get(pk=d.pk).status == Status.DRAFT for d in drafts)


def _answer(client, response, decision: str):
    """Press a button of the publish check: its form re-posts the record's form."""
    html = response.content.decode()
    form = html[html.index('class="publish-check-form"') :]
    data: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form):
        data.setdefault(name, []).append(value.replace("&quot;", '"').replace("&amp;", "&"))
    data["_publish_with"] = [decision]
    action = re.search(r'<form method="post" action="([^"]+)" class="publish-check-form"', html)
    url = action.group(1).replace("&amp;", "&")
    return committed(lambda: client.post(url, data, follow=True))


def test_publishing_together_publishes_all_of_them(editor, superuser, event_with_drafts):
    record, drafts = event_with_drafts
    client = logged_in(editor)
    response = _answer(client, press(client, record, superuser, "published"), "together")
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    assert all(type(d).objects.get(pk=d.pk).status == Status.PUBLISHED for d in drafts)
    assert "Published with it" in said(response)[0]
    assert b"Cholpon-Ata" in Client().get(record.get_absolute_url()).content


def test_publishing_alone_leaves_the_others_drafts(editor, superuser, event_with_drafts):
    record, drafts = event_with_drafts
    client = logged_in(editor)
    _answer(client, press(client, record, superuser, "published"), "alone")
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    assert all(type(d).objects.get(pk=d.pk).status == Status.DRAFT for d in drafts)


def test_nothing_is_half_published_when_one_of_them_cannot_be(editor, superuser, event_with_drafts):
    record, drafts = event_with_drafts
    source = drafts[2]
    source.summary = ""
    source.save()
    client = logged_in(editor)
    response = _answer(client, press(client, record, superuser, "published"), "together")
    assert response.status_code == 400
    assert "Nothing was published" in text(response.content)
    assert "needs a summary" in text(response.content)
    record.refresh_from_db()
    assert record.status == Status.REVIEW
    assert all(type(d).objects.get(pk=d.pk).status == Status.DRAFT for d in drafts)


def test_save_without_publishing_keeps_the_edits(editor, superuser, event_with_drafts):
    record, _ = event_with_drafts
    client = logged_in(editor)
    first = press(client, record, superuser, "published", title="Renamed talks")
    _answer(client, first, "no")
    record.refresh_from_db()
    assert (record.status, record.title) == (Status.REVIEW, "Renamed talks")


def test_bulk_publish_asks_too(editor, event_with_drafts):
    record, drafts = event_with_drafts
    client = logged_in(editor)
    url = reverse("admin:events_event_changelist")
    data = {"action": "publish", "_selected_action": [record.pk], "select_across": "0"}
    response = client.post(url, data)
    assert response.status_code == 200 and b"Publish all 4 together" in response.content
    record.refresh_from_db()
    assert record.status == Status.REVIEW
    response = client.post(url, {**data, "_publish_with": "together"}, follow=True)
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    assert all(type(d).objects.get(pk=d.pk).status == Status.PUBLISHED for d in drafts)


def test_a_source_needs_a_summary_before_it_is_published(editor, superuser):
    from cmsproject.editorial import actions
    from cmsproject.editorial.rights import ChangeRefused

    source = f.SourceFactory(status=Status.DRAFT, summary="")
    with pytest.raises(ChangeRefused, match="needs a summary"):
        actions.publish(obj=source, user=editor)
    response = press(logged_in(editor), source, superuser, "published")
    source.refresh_from_db()
    assert source.status == Status.DRAFT
    assert "needs a summary" in text(response.content)
    # With a summary typed in the same form, it goes.
    press(logged_in(editor), source, superuser, "published", summary="Ministers met.")
    source.refresh_from_db()
    assert source.status == Status.PUBLISHED


def test_the_api_refuses_to_publish_a_source_without_a_summary_with_a_400(editor):

    client = EditingClient()
    client.force_authenticate(editor)
    source = f.SourceFactory(status=Status.DRAFT, summary="")
    url = f"/api/v1/sources/{source.slug}/"
    refused = client.patch(url, {"status": "published"}, format="json")
    assert refused.status_code == 400
    assert "needs a summary" in str(refused.json()["status"])
    source.refresh_from_db()
    assert source.status == Status.DRAFT
    # the summary sent with the publication counts
    done = client.patch(url, {"status": "published", "summary": "Ministers met."}, format="json")
    assert done.status_code == 200, done.json()
    created = client.post(
        "/api/v1/sources/",
        {
            "title": "No summary",
            "outlet": source.outlet.slug,
            "body": "Text.",
            "status": "published",
        },
        format="json",
    )
    assert created.status_code == 400 and "needs a summary" in str(created.json())
    assert not type(source).objects.filter(title="No summary").exists()  # rolled back
