"""The search page as a reader sees it: ranking with a fallback, type tabs with counts, dates,
snippets cut at words, outlets, and names found in their inflected and transliterated forms."""

import datetime
import html
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from cmsproject.ops.demo.people import LEADERS
from events.models import DatePrecision, SearchEntry
from tests import factories as f
from tests.quality import validate_html

pytestmark = pytest.mark.django_db
D = datetime.date


def page(client, query: str, **params) -> str:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def section(text: str, heading: str) -> str:
    """The HTML of the results under ``heading`` ("" when there is none)."""
    match = re.search(rf"<h2 id=\"kind-\w+\">{heading}</h2>(.*?)</section>", text, re.S)
    return match.group(1) if match else ""


def linked_titles(text: str) -> list[str]:
    """The titles of the hits, in order, as read (marks removed)."""
    lists = "".join(re.findall(r'<ul class="results">(.*?)</ul>', text, re.S))
    found = re.findall(r'<li><a href="[^"]+">(.*?)</a>', lists, re.S)
    return [html.unescape(re.sub(r"</?mark>", "", t)) for t in found]


def tabs(text: str) -> dict[str, str]:
    """Tab label -> "current" or "" for each link of the type tabs."""
    nav = re.search(r'<nav class="search-types".*?</nav>', text, re.S).group()
    return {
        html.unescape(label): "current" if current else ""
        for current, label in re.findall(r'<a href="[^"]+"( aria-current="page")?>([^<]+)</a>', nav)
    }


def snippets(text: str) -> list[str]:
    found = re.findall(r"</a>(?:\s*<span class=\"meta\">.*?</span>)?<p>(.*?)</p></li>", text, re.S)
    return [html.unescape(re.sub(r"</?mark>", "", s)) for s in found]


def tokayev():
    """Kassym-Jomart Tokayev with the names the demo data gives him."""
    data = next(p for p in LEADERS if p["slug"] == "kassym-jomart-tokayev")
    person = f.PersonFactory(
        name=data["name"],
        slug=data["slug"],
        native_name=data["native_name"],
        biography=data["biography"],
        country=None,
    )
    for name, *_ in data["aliases"]:
        f.PersonAliasFactory(person=person, name=name)
    return person


def test_when_no_record_has_every_word_those_with_the_most_are_shown_first(client):
    f.EventFactory(title="Tokayev visits Xinjiang", start_date=D(2023, 5, 1))
    f.EventFactory(title="Trade fair in Xinjiang", start_date=D(2024, 5, 1))
    f.PersonFactory(name="Kassym-Jomart Tokayev", country=None)
    text = page(client, "tokayev xinjiang urumqi")
    assert "No record matches every word; showing results for some of them" in text
    assert linked_titles(section(text, "Events")) == [
        "Tokayev visits Xinjiang",
        "Trade fair in Xinjiang",
    ]
    assert linked_titles(section(text, "People")) == ["Kassym-Jomart Tokayev"]


def test_when_records_have_every_word_only_those_are_shown(client):
    f.EventFactory(title="Tokayev visits Xinjiang")
    f.EventFactory(title="Trade fair in Xinjiang")
    f.PersonFactory(name="Kassym-Jomart Tokayev", country=None)
    text = page(client, "tokayev xinjiang")
    assert "No record matches every word" not in text
    assert linked_titles(text) == ["Tokayev visits Xinjiang"]
    assert "1 result for “tokayev xinjiang”" in text


def test_type_tabs_count_each_type_and_filter_the_results(client):
    chengdu = f.PlaceFactory(name="Chengdu")
    for n in range(3):
        f.EventFactory(title=f"Chengdu meeting {n}", place=chengdu)
    f.SourceFactory(title="Report from Chengdu")
    everything = page(client, "chengdu")
    assert tabs(everything) == {
        "All (5)": "current",
        "Events (3)": "",
        "Places (1)": "",
        "Sources (1)": "",
    }
    assert section(everything, "Places") and section(everything, "Sources")

    events = page(client, "chengdu", type="event")
    assert tabs(events)["Events (3)"] == "current"
    assert tabs(events)["All (5)"] == ""
    assert sorted(linked_titles(events)) == [f"Chengdu meeting {n}" for n in range(3)]
    assert not section(events, "Places") and not section(events, "Sources")
    assert 'href="/search/?q=chengdu&amp;type=event" aria-current="page"' in events


def test_a_type_with_more_hits_than_shown_links_to_its_own_tab(client, monkeypatch):
    monkeypatch.setattr("events.search.PER_TYPE", 2)
    for n in range(3):
        f.EventFactory(title=f"Samarkand forum {n}")
    text = page(client, "samarkand")
    assert len(linked_titles(section(text, "Events"))) == 2
    assert '<a href="/search/?q=samarkand&amp;type=event">All events (3)</a>' in text
    assert len(linked_titles(page(client, "samarkand", type="event"))) == 3


def test_an_unknown_type_answers_with_a_message_and_every_type(client):
    f.EventFactory(title="Summit in Astana")
    text = page(client, "astana", type="bogus")
    assert "There is no record type “bogus”" in text
    assert linked_titles(text) == ["Summit in Astana"]
    assert "&lt;script&gt;" in page(client, "astana", type="<script>")


def test_a_type_without_matches_says_so(client):
    f.EventFactory(title="Summit in Astana")
    text = page(client, "astana", type="agreement")
    assert "No agreements match “astana”; other types do." in text
    assert tabs(text) == {"All (1)": "", "Events (1)": "", "Agreements (0)": "current"}


def test_each_hit_shows_its_date(client):
    f.EventFactory(title="Dushanbe talks", start_date=D(2024, 6, 3))
    f.EventFactory(
        title="Dushanbe forum", start_date=D(2022, 9, 1), date_precision=DatePrecision.MONTH
    )
    f.AgreementFactory(title="Dushanbe memorandum", signed_on=D(2023, 2, 14))
    f.SourceFactory(title="Dushanbe report", published_on=D(2021, 11, 30))
    f.PersonFactory(name="Dushanbe Person", country=None)
    text = page(client, "dushanbe")
    assert '<time datetime="2024-06-03">3 June 2024</time>' in text
    assert '<time datetime="2022-09">September 2022</time>' in text
    assert '<time datetime="2023-02-14">14 February 2023</time>' in text
    assert '<time datetime="2021-11-30">30 November 2021</time>' in text
    assert "<time" not in section(text, "People")


def test_a_long_summary_is_cut_at_a_word_around_the_match(client):
    filler = " ".join(f"word{n}" for n in range(80))
    summary = f"{filler} the railway reaches Khorgos on the border, then {filler}"
    f.SourceFactory(title="Railway report", summary=summary)
    text = page(client, "khorgos")
    assert "<mark>Khorgos</mark>" in text
    (snippet,) = snippets(text)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 242
    inner = snippet.strip("…").split()
    assert all(w in summary.split() for w in inner), "a word was cut"
    assert "Khorgos" in inner


def test_a_long_summary_matching_early_is_cut_at_its_end_only(client):
    summary = "Khorgos dry port grows. " + "Containers move quickly westwards. " * 20
    f.SourceFactory(title="Port report", summary=summary)
    (snippet,) = snippets(page(client, "khorgos"))
    assert snippet.startswith("Khorgos dry port") and snippet.endswith("…")
    assert snippet[:-1].split()[-1] in summary.split()


def test_an_outlet_is_found_by_name_and_links_to_its_sources(client):
    kabar = f.OutletFactory(name="Kabar News Agency", slug="kabar")
    f.SourceFactory(title="Bishkek hosts talks", outlet=kabar)
    f.OutletFactory(name="Kabar Draft Desk", slug="kabar-draft", status="draft")
    text = page(client, "kabar")
    outlets = section(text, "Outlets")
    assert '<a href="/sources/?outlet=kabar"><mark>Kabar</mark> News Agency</a>' in outlets
    assert "Draft Desk" not in text and "kabar-draft" not in text
    assert "Bishkek hosts talks" in client.get("/sources/?outlet=kabar").content.decode()


def test_an_outlet_is_reindexed_when_renamed_and_by_a_rebuild(client):
    outlet = f.OutletFactory(name="Asia Plus", slug="asia-plus")
    outlet.name = "Asia-Plus Media"
    outlet.save()
    assert "Outlets (1)" in page(client, "media")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index")
    cache.clear()
    assert linked_titles(section(page(client, "media"), "Outlets")) == ["Asia-Plus Media"]


@pytest.mark.parametrize("query", ["Токаеву", "Токаевым", "Tokaeva", "Tokayevu", "Тоқаев"])
def test_an_inflected_or_transliterated_name_finds_the_person(client, query):
    tokayev()
    f.PersonFactory(name="Sadyr Japarov", country=None)
    assert linked_titles(page(client, query)) == ["Kassym-Jomart Tokayev"]


@pytest.mark.parametrize("query", ["Мирзиёеву", "Mirziyoyeva", "Mirziyoev"])
def test_the_folding_covers_any_name_not_one(client, query):
    person = f.PersonFactory(name="Shavkat Mirziyoyev", country=None)
    f.PersonAliasFactory(person=person, name="Шавкат Мирзиёев")
    assert linked_titles(page(client, query)) == ["Shavkat Mirziyoyev"]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("Tokaeva", r"Also written: [^<]*<mark>Tokaev</mark>\."),
        ("Токаеву", r"Also written: Касым-Жомарт <mark>Токаев</mark>\."),
        ("Cömert", r"Also written: Kasim <mark>Cömert</mark> Tokayev\."),
    ],
)
def test_a_name_found_in_another_spelling_shows_that_spelling(client, query, shown):
    tokayev()
    text = page(client, query)
    assert re.search(shown, text)
    assert ">Kassym-Jomart Tokayev</a>" in text  # the name itself is not spelled so


def test_an_alias_prefix_still_finds_the_person(client):
    japarov = f.PersonFactory(name="Sadyr Japarov", country=None)
    f.PersonAliasFactory(person=japarov, name="Zhaparov")
    assert linked_titles(page(client, "Zhapar")) == ["Sadyr Japarov"]


def test_a_draft_is_never_found_even_matching_more_words(client):
    f.PersonFactory(name="Tokayev Xinjiang Envoy", status="draft", country=None)
    f.EventFactory(title="Tokayev visits Astana", status="draft")
    f.EventFactory(title="Xinjiang trade fair")
    for query in ("tokayev xinjiang", "tokayev", "envoy"):
        text = page(client, query)
        assert "Envoy" not in text and "visits Astana" not in text, query
    assert tabs(page(client, "tokayev xinjiang")) == {"All (1)": "current", "Events (1)": ""}


@pytest.mark.parametrize(
    ("params", "most"),
    [
        ({"q": "chengdu"}, 10),
        ({"q": "chengdu", "type": "source"}, 5),
        ({"q": "chengdu talks zzqx"}, 11),
    ],
    ids=["every type", "one type", "fallback"],
)
def test_the_page_reads_a_bounded_number_of_queries(
    client, params, most, django_assert_max_num_queries
):
    # Cold (nothing cached): the content version, the counts (twice for the fallback), the
    # two rankings, then each type's records and aliases by key — never a query a hit.
    chengdu = f.PlaceFactory(name="Chengdu")
    for n in range(15):
        event = f.EventFactory(title=f"Chengdu talks {n}", place=chengdu)
        f.ParticipationFactory(event=event)
        f.SourceFactory(title=f"Chengdu report {n}")
        f.AgreementFactory(title=f"Chengdu statement {n}")
    cache.clear()
    with django_assert_max_num_queries(most):
        text = client.get("/search/", params).content.decode()
    assert len(linked_titles(text)) >= 15


def test_search_pages_are_valid_html(client, tmp_path):
    tokayev()
    f.EventFactory(title="Tokayev visits Xinjiang", start_date=D(2023, 5, 1))
    f.OutletFactory(name="Kabar News Agency", slug="kabar")
    documents = {
        url: client.get(url).content.decode()
        for url in (
            "/search/?q=tokayev",
            "/search/?q=tokayev+xinjiang+zzqx",
            "/search/?q=tokayev&type=event",
            "/search/?q=kabar&type=bogus",
            "/search/?q=Токаеву",
        )
    }
    assert validate_html(documents, tmp_path) == []
