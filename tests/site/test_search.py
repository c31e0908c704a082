"""Full-text search: one function over every published record type, on SQLite and PostgreSQL."""

import pytest
from django.core.management import call_command

from cmsproject.editorial import actions
from events.models import SearchEntry
from events.search import search
from tests import factories as f

pytestmark = pytest.mark.django_db


def titles(query):
    return {heading: [str(h.record) for h in hits] for heading, hits in search(query).items()}


def test_alias_prefix_and_diacritics(db):
    japarov = f.PersonFactory(name="Sadyr Japarov")
    f.PersonAliasFactory(person=japarov, name="Zhaparov")
    f.PersonFactory(name="Kasim Cömert Tokayev")
    assert titles("zhaparov") == {"People": ["Sadyr Japarov"]}
    assert titles("Zhapar") == {"People": ["Sadyr Japarov"]}
    assert titles("comert") == {"People": ["Kasim Cömert Tokayev"]}
    assert titles("cömert tokayev") == {"People": ["Kasim Cömert Tokayev"]}
    assert titles("japarov tokayev") == {}


def test_results_grouped_by_type(db):
    chengdu = f.PlaceFactory(name="Chengdu")
    f.EventFactory(title="Meeting in Chengdu", place=chengdu)
    f.SourceFactory(title="Report from Chengdu", summary="Ministers met.")
    assert titles("chengdu") == {
        "Events": ["Meeting in Chengdu"],
        "Places": ["Chengdu"],
        "Sources": ["Report from Chengdu"],
    }


def test_drafts_are_never_found_and_withdrawal_removes(db, editor):
    f.PersonFactory(name="Hidden Person", status="draft")
    event = f.EventFactory(title="Summit of Tomorrow")
    assert titles("hidden") == {}
    assert titles("tomorrow") == {"Events": ["Summit of Tomorrow"]}
    actions.withdraw(obj=event, user=editor)
    assert titles("tomorrow") == {}
    actions.publish(obj=event, user=editor)
    assert titles("tomorrow") == {"Events": ["Summit of Tomorrow"]}


def test_new_alias_is_searchable_at_once_and_removed_alias_is_not(db):
    person = f.PersonFactory(name="Emomali Rahmon")
    alias = f.PersonAliasFactory(person=person, name="Imamali")
    assert titles("imamali") == {"People": ["Emomali Rahmon"]}
    alias.delete()
    assert titles("imamali") == {}


def test_source_text_is_not_searched_only_title_and_summary(db):
    f.SourceFactory(title="A report", summary="Short summary.", body="Secret article words.")
    assert titles("secret") == {}


@pytest.mark.parametrize(
    "query", ["", "   ", "\"'();--", "*", "AND OR NOT", "a" * 5000, "NEAR(x y)", "title:foo", "😀"]
)
def test_odd_queries_are_handled_calmly(db, query):
    f.PersonFactory(name="Wang Yi")
    assert isinstance(search(query), dict)


def test_rebuild_command(db, capsys):
    f.PersonFactory(name="Wang Yi", country=None)
    f.PersonFactory(name="Draft Person", status="draft", country=None)
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index")
    assert "1 published records" in capsys.readouterr().out
    assert titles("wang") == {"People": ["Wang Yi"]}


def test_a_draft_place_does_not_make_an_event_findable(db):
    hidden = f.PlaceFactory(name="Secretville", status="draft")
    f.EventFactory(title="Meeting of ministers", place=hidden)
    assert titles("secretville") == {}


def test_records_named_after_the_word_come_before_passing_mentions(db):
    f.SourceFactory(title="Ministers met", summary="Talks on gas and energy supply.")
    f.TopicFactory(name="Energy")
    results = search("energy")
    assert [str(h.record) for h in results["Topics"]] == ["Energy"]
    assert [str(h.record) for h in results["Sources"]] == ["Ministers met"]


def test_a_common_word_ranks_a_bounded_set_yet_finds_old_names(db, monkeypatch):
    # With more matches than are ranked, the newest are ranked; a record whose name matches
    # is still found, however old, since titles are ranked on their own first.
    monkeypatch.setattr("events.search.RANKED", 3)
    old = f.PersonFactory(name="Energy Envoy")
    for n in range(6):
        f.SourceFactory(title=f"Report {n}", summary="Energy talks held.")
    results = search("energy")
    assert [str(h.record) for h in results["People"]] == [str(old)]
    assert len(results["Sources"]) == 3


def test_a_single_letter_matches_whole_words_only(db):
    f.PersonFactory(name="Wang Yi")
    f.EventFactory(title="Trade talks in Tashkent")
    assert titles("t") == {}
    assert titles("yi") == {"People": ["Wang Yi"]}
    assert titles("ta") == {"Events": ["Trade talks in Tashkent"]}
