"""Compare any two revisions: every field side by side, word-level differences, the rows added,
removed and changed, nothing cut short; linked from History and used by the revert page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cmsproject.editorial.diffs import word_diff
from cmsproject.editorial.models import Status
from cmsproject.editorial.rights import acting
from tests import factories as f


def test_word_diff_marks_words_and_escapes_text():
    before, after = word_diff("Talks in Astana, <b>2019</b>", "Talks in Nur-Sultan, <b>2019</b>")
    assert before == "Talks in <del>Astana</del>, &lt;b&gt;2019&lt;/b&gt;"
    assert after == "Talks in <ins>Nur-Sultan</ins>, &lt;b&gt;2019&lt;/b&gt;"


def history_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk])


@pytest.mark.django_db
def test_two_revisions_side_by_side_with_rows_and_whole_texts(editor):
    event = f.EventFactory(status=Status.DRAFT, published_at=None, summary="Opening words.")
    kept = f.ParticipationFactory(event=event, role="delegation head")
    gone = f.ParticipationFactory(event=event, role="observer")
    with acting(editor):
        event.save()
    first = event.history.latest()
    long_tail = " ".join(f"word{n}" for n in range(400))
    with acting(editor):
        event.summary = f"Opening words, then {long_tail} and the final sentence."
        event.save()
        kept.role = "head of the delegation"
        kept.save()
        gone.delete()
        added = f.ParticipationFactory(event=event, role="guest")
        event.save()
    second = event.history.latest()
    client = Client()
    client.force_login(editor)
    page = client.get(history_url(event), {"from": first.history_id, "to": second.history_id})
    assert page.status_code == 200
    html = page.content.decode()
    assert "the final sentence" in html  # no truncation
    assert "<ins>" in html and "word399" in html
    rows = {(r.change, r.label) for r in page.context["comparison"].rows}
    assert ("added", str(added)) in rows
    assert ("removed", str(gone)) in rows
    changed = next(r for r in page.context["comparison"].rows if r.change == "changed")
    assert changed.label == str(kept)
    after = str(changed.fields[0].after)
    assert after.startswith("<ins>head of the") and "delegation" in after
    # from the History page: a form choosing any two, and "compare with now"
    listing = client.get(history_url(event)).content.decode()
    assert 'id="compare-form"' in listing and f"?from={first.history_id}&amp;to=now" in listing
    assert client.get(history_url(event), {"from": "999999"}).status_code == 404


@pytest.mark.django_db
def test_the_revert_page_shows_the_comparison(editor):
    person = f.PersonFactory(status=Status.DRAFT, published_at=None, biography="Diplomat.")
    with acting(editor):
        person.save()
    first = person.history.latest()
    with acting(editor):
        person.biography = "Diplomat and former ambassador."
        person.save()
    client = Client()
    client.force_login(editor)
    opts = person._meta
    url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[person.pk, first.history_id],
    )
    html = client.get(url).content.decode()
    assert 'id="compare-fields"' in html
    assert "<del> and former ambassador</del>" in html or "<del>and former ambassador</del>" in html
