"""Files imported together give what importing them one by one gives, and fail alone."""

import pytest
from simple_history.manager import HistoryManager

from sources.ingestion import service
from sources.ingestion.service import import_file, import_files
from sources.models import Source, SourceFingerprint
from tests.sources.test_ingestion import FILLER, article

pytestmark = pytest.mark.django_db

STORY = [
    "Wang Yi arrives in Astana",
    "Chinese Foreign Minister Wang Yi arrived in Astana on Monday for an official visit and held "
    "talks with Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu.",
    "The two ministers signed a protocol creating new subcommittees on agriculture and on "
    "innovation within the intergovernmental cooperation committee of the two states.",
    FILLER,
]
REPRINT = ["Kazakhstan and China agree on new subcommittees", *STORY[1:], "Reporting by us."]
OTHER = [
    "Ministers meet in Chengdu",
    "The foreign ministers of China and the five Central Asian states met in Chengdu and agreed "
    "to deepen cooperation on transport corridors and on water resources.",
    FILLER,
]
SAME_TITLE = [
    "Ministers meet in Chengdu",
    "A second report under the same headline, about customs posts on the border and grain "
    "exports, written by another outlet with other words altogether.",
    "It adds a paragraph of its own on railway freight and the new dry port at Khorgos.",
]


# What each file of batch() comes to, in order.
STATUSES = ["created", "unchanged", "duplicate", "failed", "created", "created"]


def batch():
    return [
        ("story.txt", article(*STORY)),
        ("again.txt", article(*STORY)),  # the same text in the same batch
        ("reprint.txt", article(*REPRINT)),  # a near copy of a file of this batch
        ("broken.txt", b"\x00\x01\x02 not text"),
        ("other.txt", article(*OTHER)),
        ("same-title.txt", article(*SAME_TITLE)),
    ]


def outcome(reports):
    return [
        (
            r.file,
            r.status,
            r.source.title if r.source else None,
            r.source.duplicate_of.title if r.source and r.source.duplicate_of_id else None,
            bool(r.error),
        )
        for r in reports
    ]


def test_a_batch_gives_what_one_by_one_gives():
    together = outcome(import_files(batch()))
    rows = Source.objects.count()
    Source.objects.all().delete()
    alone = outcome([import_file(name=name, data=data) for name, data in batch()])
    assert together == alone
    assert [status for _, status, *_ in together] == STATUSES
    assert rows == Source.objects.count() == 4
    slugs = list(Source.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == len(slugs)  # two "Ministers meet in Chengdu", two slugs


def test_every_source_of_a_batch_has_its_history_and_fingerprints():
    reports = import_files(batch())
    created = [r.source for r in reports if r.status in ("created", "duplicate")]
    for source in created:
        assert source.history.get().history_change_reason.startswith("Imported from ")
        assert SourceFingerprint.objects.filter(source=source).count() == 8


def test_a_batch_that_cannot_be_written_together_is_imported_file_by_file(monkeypatch):
    calls = []
    real_history = HistoryManager.bulk_history_create

    def failing_history(self, *args, **kwargs):
        if not calls:  # the sources are inserted, then their history fails
            calls.append(1)
            raise RuntimeError("the database said no")
        return real_history(self, *args, **kwargs)

    monkeypatch.setattr(HistoryManager, "bulk_history_create", failing_history)
    reports = import_files(batch())
    assert calls == [1]
    assert [r.status for r in reports] == STATUSES
    assert Source.objects.count() == 4  # nothing twice, nothing lost


def test_import_command_reads_in_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "BATCH_SIZE", 2)
    for name, data in batch():
        (tmp_path / name).write_bytes(data)
    reports = list(service.import_paths([tmp_path]))
    assert sorted(r.status for r in reports) == sorted(STATUSES)


@pytest.mark.django_db(transaction=True)
def test_names_are_read_before_the_import_takes_its_write_lock(monkeypatch):
    """Linking reads every text (the slow part of an import) outside any transaction, so on
    SQLite editors' saves are not locked out while it runs; its suggestions are still saved
    with the sources, in their one short transaction."""
    from django.db import connection

    from events.linking import service as linking
    from events.models import Mention

    seen_inside: list[bool] = []
    suggest = linking.suggest

    def spying(sources, **kwargs):
        seen_inside.append(connection.in_atomic_block)
        return suggest(sources, **kwargs)

    monkeypatch.setattr(linking, "suggest", spying)
    reports = import_files(batch())
    assert [r.status for r in reports] == STATUSES
    assert seen_inside and not any(seen_inside)
    created = [r.source for r in reports if r.status in ("created", "duplicate")]
    assert Mention.objects.filter(source__in=created).exists()


def test_a_file_whose_reading_fails_fails_alone(monkeypatch):
    from events.linking import service as linking

    suggest = linking.suggest

    def fragile(sources, **kwargs):
        if any("Chengdu" in s.title for s in sources):
            raise RuntimeError("the linker choked")
        return suggest(sources, **kwargs)

    monkeypatch.setattr(linking, "suggest", fragile)
    reports = import_files(batch())
    by_file = {r.file: r for r in reports}
    assert by_file["story.txt"].status == "created"
    assert by_file["other.txt"].status == "failed" and "choked" in by_file["other.txt"].error
    assert not Source.objects.filter(title="Ministers meet in Chengdu").exists()
