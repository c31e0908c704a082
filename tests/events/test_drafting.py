"""Drafting an event from a source: the date, kind, place, host, title and participants an
editor would fill in by hand, each with the sentence of the source it rests on."""

import datetime
from pathlib import Path

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cmsproject.editorial.visibility import READERS, Audience, viewing_as
from events.drafting import draft_event, find_dates, guess_date, guess_kind, matching_events
from events.linking.index import invalidate
from events.linking.service import link_source, reject_mention
from events.models import Event, Mention, Organization, Person, Place
from sources.ingestion.service import import_file
from sources.models import Source
from sources.text import excerpt_occurs_in
from tests import factories as f

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
D = datetime.date


# ---- dates and kinds, from sentences written here ------------------------------------------


@pytest.mark.parametrize(
    ("text", "published_on", "start", "end"),
    [
        ("The ministers met in Tashkent on 12 March.", D(2024, 3, 13), D(2024, 3, 12), None),
        (
            "The summit opens in Astana on June 16-17.",
            D(2025, 6, 10),
            D(2025, 6, 16),
            D(2025, 6, 17),
        ),
        ("Talks were held on 30 June – 1 July 2025.", D(2025, 7, 2), D(2025, 6, 30), D(2025, 7, 1)),
        ("The meeting in Chengdu on Dec. 30 ran late.", D(2024, 1, 2), D(2023, 12, 30), None),
        (
            "The presidents met on 16 and 17 May in Bishkek.",
            D(2024, 5, 18),
            D(2024, 5, 16),
            D(2024, 5, 17),
        ),
        (
            "Саммит прошёл 16–17 июня 2025 года в Астане.",
            D(2025, 6, 18),
            D(2025, 6, 16),
            D(2025, 6, 17),
        ),
        ("The ministers met on 2025-04-26 in Almaty.", None, D(2025, 4, 26), None),
        ("The ministers met on 12 March 2024.", None, D(2024, 3, 12), None),
    ],
)
def test_explicit_dates_and_ranges(text, published_on, start, end):
    date = guess_date(text, published_on=published_on)
    assert (date.start_date, date.end_date, date.precision) == (start, end, "day")
    assert not date.relative


@pytest.mark.parametrize(
    ("text", "published_on", "start"),
    [
        ("The talks were held today in Bishkek.", D(2024, 5, 22), D(2024, 5, 22)),
        ("The presidents met yesterday.", D(2024, 5, 22), D(2024, 5, 21)),
        ("The presidents met on Monday.", D(2024, 5, 22), D(2024, 5, 20)),  # a Wednesday
        ("The ministers met here Saturday.", D(2025, 4, 26), D(2025, 4, 26)),  # that Saturday
        ("The ministers will meet next Friday.", D(2024, 5, 22), D(2024, 5, 24)),
    ],
)
def test_days_counted_from_the_publication_date(text, published_on, start):
    date = guess_date(text, published_on=published_on)
    assert (date.start_date, date.relative) == (start, True)
    assert guess_date(text, published_on=None) is None


def test_a_date_in_a_sentence_looking_back_is_not_the_events():
    text = (
        "Earlier, on 3 February, the two presidents met in Beijing. "
        "The foreign ministers met in Astana on 20 May."
    )
    date = guess_date(text, published_on=D(2024, 5, 21))
    assert date.start_date == D(2024, 5, 20)
    assert text[slice(*date.span)] == "20 May"


@pytest.mark.parametrize(
    "text",
    [
        "Trade grew by 30% in 2023, reaching $41 bn, and 5,000 trucks crossed the border.",
        "The treaty signed on 15 May 2019 remains in force.",  # years before the report
        "The ministers discussed trade and transit.",
    ],
)
def test_figures_and_background_dates_give_no_date(text):
    assert guess_date(text, published_on=D(2024, 5, 21)) is None


def test_a_month_is_kept_to_the_month():
    date = guess_date("The forum was held in May 2024.", published_on=D(2024, 6, 10))
    assert (date.start_date, date.precision) == (D(2024, 5, 1), "month")
    assert guess_date("Exports rose in May 2024.", published_on=D(2024, 6, 10)) is None


def test_found_dates_point_at_their_words():
    text = "On 16 June 2025 the leaders met; on Tuesday they signed the treaty."
    found = find_dates(text, published_on=D(2025, 6, 18))
    assert [text[slice(*d.span)] for d in found] == ["16 June 2025", "Tuesday"]
    assert [d.start_date for d in found] == [D(2025, 6, 16), D(2025, 6, 17)]


@pytest.mark.parametrize(
    ("text", "kind", "is_online"),
    [
        ("Kazakhstan's president paid a state visit to China.", "state_visit", False),
        ("The minister arrived in Astana for an official visit.", "official_visit", False),
        ("The foreign ministers' meeting opened in Almaty.", "ministerial", False),
        ("The summit was held online this year.", "summit", True),
        ("The two ministers held talks via video link.", "video_conference", True),
        ("The two ministers held talks in Beijing.", "talks", False),
        ("The sides signed a memorandum on transit.", "signing", False),
        ("The business forum gathered 300 companies.", "forum", False),
        (
            "Ahead of the upcoming summit, the ministerial meeting set its agenda.",
            "ministerial",
            False,
        ),
        ("Earlier this year the leaders held a summit. The ministers held talks.", "talks", False),
        ("Саммит глав государств прошёл в Астане.", "summit", False),
    ],
)
def test_kind_of_event(text, kind, is_online):
    guess = guess_kind(text)
    assert (guess.kind, guess.is_online) == (kind, is_online)


def test_no_kind_when_the_text_names_no_meeting():
    assert guess_kind("Trade between the two countries grew by a third.") is None


# ---- drafts from linked sources ------------------------------------------------------------


@pytest.fixture
def demo(demo_data, db):
    """The demo data, loaded once for the module (each test's changes are rolled back); the
    name index is rebuilt from it for each test."""
    invalidate()
    yield
    invalidate()


def slug(record) -> str | None:
    return record.slug if record is not None else None


def linked(body: str, *, published_on: D | None) -> Source:
    source = f.SourceFactory(body=body, published_on=published_on, status="draft")
    link_source(source)
    return source


def seed_source(prefix: str, published_on: D | None) -> Source:
    """A seed imported as the editors import it, dated when the file gives no date, and linked
    again so that the events it reports are suggested too."""
    report = import_file(name=prefix, data=next(SEEDS.glob(f"{prefix}_*.txt")).read_bytes())
    source = report.source
    if published_on:
        Source.objects.filter(pk=source.pk).update(published_on=published_on)
        source.refresh_from_db()
    link_source(source)
    return source


def assert_cited(draft) -> None:
    """Every fact and participant rests on a sentence that passes the citation check."""
    for fact in draft.facts:
        assert excerpt_occurs_in(fact.sentence, draft.source.body), fact
    for guess in draft.participants:
        assert excerpt_occurs_in(guess.sentence, draft.source.body), guess


C5_LEADERS = {
    "xi-jinping": "china",
    "kassym-jomart-tokayev": "kazakhstan",
    "sadyr-japarov": "kyrgyzstan",
    "emomali-rahmon": "tajikistan",
    "gurbanguly-berdimuhamedov": "turkmenistan",  # president until March 2022
    "shavkat-mirziyoyev": "uzbekistan",
}
SEED_DRAFTS = {
    # a lead sentence with the format's name and number, the city and the day; an Astana
    # dateline that is not where the meeting was
    "002": {
        "published_on": D(2023, 12, 2),
        "title": "Fifth China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "dates": (D(2023, 12, 1), None),
        "place": "chengdu",
        "host": "china",
        "is_online": False,
        "people": {"murat-nurtleu": "kazakhstan", "wang-yi": "china"},
        "claims": {"title", "kind", "start_date", "place", "host", "participation"},
    },
    # a visit to a state, no city; a last paragraph on another meeting, months earlier, that
    # names Xi Jinping, Shavkat Mirziyoyev and Beijing
    "004": {
        "published_on": D(2024, 5, 20),
        "title": "Wang Yi's Official Visit to Kazakhstan",
        "kind": "official_visit",
        "dates": (D(2024, 5, 20), None),
        "place": None,
        "host": "kazakhstan",
        "is_online": False,
        "people": {"wang-yi": "china", "murat-nurtleu": "kazakhstan"},
        "claims": {"kind", "start_date", "host", "participation"},
    },
    # "held online today": the publication date, cited; six presidents in Turkish spellings
    "001": {
        "published_on": D(2022, 1, 25),
        "title": "China–Central Asia Summit",
        "kind": "summit",
        "dates": (D(2022, 1, 25), None),
        "place": None,
        "host": None,
        "is_online": True,
        "people": C5_LEADERS,
        "claims": {"title", "kind", "start_date", "participation"},
    },
    # "held here Saturday", dated by the file; an ambassador speaking for his state
    "003": {
        "published_on": None,
        "title": "Sixth China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "dates": (D(2025, 4, 26), None),
        "place": None,
        "host": None,
        "is_online": False,
        "people": {
            "murat-nurtleu": "kazakhstan",
            "wang-yi": "china",
            "jeenbek-kulubaev": "kyrgyzstan",
            "sirojiddin-muhriddin": "tajikistan",
            "bakhtiyor-saidov": "uzbekistan",
            "parahat-durdyev": "turkmenistan",
        },
        "claims": {"title", "kind", "start_date", "participation"},
    },
}


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(SEED_DRAFTS))
def test_seed_article_drafts_the_event_an_editor_would_enter(demo, prefix):
    expected = SEED_DRAFTS[prefix]
    source = seed_source(prefix, expected["published_on"])
    draft = draft_event(source)
    assert draft.title == expected["title"]
    assert draft.kind == expected["kind"]
    assert (draft.start_date, draft.end_date) == expected["dates"]
    assert draft.date_precision == "day"
    assert slug(draft.place) == expected["place"]
    assert slug(draft.host) == expected["host"]
    assert draft.is_online is expected["is_online"]
    assert {p.person.slug: slug(p.organization) for p in draft.participants} == expected["people"]
    assert all(
        p.mention is not None and p.mention.source_id == source.pk for p in draft.participants
    )
    assert {fact.claim for fact in draft.facts} == expected["claims"]
    values = {fact.claim: fact.value for fact in draft.facts if fact.claim != "participation"}
    assert values == {
        claim: value
        for claim, value in {
            "title": draft.title,
            "kind": draft.kind,
            "start_date": draft.start_date,
            "place": draft.place,
            "host": draft.host,
        }.items()
        if claim in expected["claims"]
    }
    assert_cited(draft)


@needs_seeds
def test_participants_carry_the_office_they_held_that_day(demo):
    sixth = draft_event(seed_source("003", None))
    roles = {p.person.slug: p.role for p in sixth.participants}
    assert roles["parahat-durdyev"] == "Ambassador of Turkmenistan to China"
    assert roles["murat-nurtleu"] == "Deputy Prime Minister and Minister of Foreign Affairs"
    summit = draft_event(seed_source("001", D(2022, 1, 25)))
    assert {p.role for p in summit.participants} == {"President"}


@needs_seeds
def test_place_fact_quotes_the_sentence_naming_the_city_not_the_dateline(demo):
    draft = draft_event(seed_source("002", D(2023, 12, 2)))
    (place,) = [fact for fact in draft.facts if fact.claim == "place"]
    assert "Chengdu" in place.sentence
    assert Mention.objects.filter(source=draft.source, kind="place", text="ASTANA").exists()


@needs_seeds
def test_rejected_suggestion_is_not_a_participant(demo, editor):
    source = seed_source("004", D(2024, 5, 20))
    wang = Person.objects.get(slug="wang-yi")
    mention = Mention.objects.get(source=source, kind="person", object_id=wang.pk)
    reject_mention(mention=mention, user=editor)
    draft = draft_event(source)
    assert [p.person.slug for p in draft.participants] == ["murat-nurtleu"]
    assert wang not in [fact.value for fact in draft.facts]


@needs_seeds
def test_matching_events_puts_the_reported_meeting_first(demo):
    source = seed_source("002", D(2023, 12, 2))
    assert [e.title for e in matching_events(source)] == [
        "Fifth China–Central Asia Foreign Ministers' Meeting",
        "Talks between Murat Nurtleu and Wang Yi in Chengdu",  # on its sidelines, same day
    ]


@needs_seeds
def test_matching_events_leaves_out_an_event_whose_suggestion_was_rejected(demo, editor):
    source = seed_source("002", D(2023, 12, 2))
    talks = Event.objects.get(slug="nurtleu-wang-yi-talks-chengdu-2023")
    mention = Mention.objects.get(source=source, kind="event", object_id=talks.pk)
    reject_mention(mention=mention, user=editor)
    assert [e.slug for e in matching_events(source)] == [
        "fifth-china-central-asia-foreign-ministers-meeting"
    ]


def test_ambiguous_and_unknown_people_are_not_guessed(demo):
    source = linked(
        "President Berdimuhamedov and Foreign Minister Ivan Petrovsky addressed the summit "
        "in Astana.",
        published_on=None,
    )
    mentions = Mention.objects.filter(source=source, kind="person")
    assert [m.is_ambiguous for m in mentions] == [True, False]  # the two Berdimuhamedovs
    assert mentions[1].proposed_name == "Ivan Petrovsky" and mentions[1].object_id is None
    draft = draft_event(source)
    assert draft.participants == []
    assert {fact.claim for fact in draft.facts} == {"kind", "place", "host"}
    assert (draft.kind, slug(draft.place), draft.start_date) == ("summit", "astana", None)


TALKS = "Wang Yi held talks with Murat Nurtleu in Almaty on 3 March."


def test_matching_events_finds_an_event_of_the_same_date_and_people(demo, editor):
    source = linked(TALKS, published_on=D(2025, 3, 4))
    wang, nurtleu, xi, mirziyoyev = (
        Person.objects.get(slug=s)
        for s in ("wang-yi", "murat-nurtleu", "xi-jinping", "shavkat-mirziyoyev")
    )
    places = {p.slug: p for p in Place.objects.all()}

    def event(day, place, *people, status="published"):
        e = f.EventFactory(start_date=day, place=places[place], kind="talks", status=status)
        for person in people:
            f.ParticipationFactory(event=e, person=person)
        return e

    # entered after the source was linked: no suggestion names them
    same = event(D(2025, 3, 3), "almaty", wang, nurtleu, status="draft")
    event(D(2025, 3, 3), "beijing", xi, mirziyoyev)  # the same day, other people and city
    event(D(2024, 3, 3), "almaty", wang, nurtleu)  # the same people a year before
    with viewing_as(Audience(editor)):
        assert matching_events(source) == [same]
    with viewing_as(READERS):
        assert matching_events(source) == []  # a draft is the editors' to see


def test_initial_values_fill_the_event_admin_form(demo, superuser, rf):
    source = linked(TALKS, published_on=D(2025, 3, 4))
    draft = draft_event(source)
    almaty, kazakhstan = (
        Place.objects.get(slug="almaty"),
        Organization.objects.get(slug="kazakhstan"),
    )
    assert draft.initial() == {
        "title": "Talks between Wang Yi and Murat Nurtleu in Almaty",
        "kind": "talks",
        "start_date": D(2025, 3, 3),
        "date_precision": "day",
        "place": almaty.pk,
        "host": kazakhstan.pk,
    }
    request = rf.get("/admin/events/event/add/")
    request.user = superuser
    form_class = admin.site._registry[Event].get_form(request)
    form = form_class(initial=draft.initial())
    assert set(draft.initial()) <= set(form.fields)
    assert form["place"].value() == almaty.pk
    assert [row["person"] for row in draft.participations_initial()] == [
        Person.objects.get(slug=s).pk for s in ("wang-yi", "murat-nurtleu")
    ]
    rows = draft.citations_initial()
    assert {row["claim"] for row in rows} == {
        "kind",
        "start_date",
        "place",
        "host",
        "participation",
    }
    assert all(row["source"] == source.pk and row["excerpt"] == TALKS for row in rows)


def test_a_source_never_linked_is_read_with_the_name_index(demo):
    source = f.SourceFactory(body=TALKS, published_on=D(2025, 3, 4), status="draft")
    draft = draft_event(source)
    assert [(p.person.slug, p.mention) for p in draft.participants] == [
        ("wang-yi", None),
        ("murat-nurtleu", None),
    ]
    assert slug(draft.place) == "almaty"
    assert not Mention.objects.filter(source=source).exists()


def test_a_body_edited_after_linking_still_gives_sentences_that_occur_in_it(demo):
    source = linked(TALKS, published_on=D(2025, 3, 4))
    Source.objects.filter(pk=source.pk).update(body="The ministry reported on Tuesday.\n\n" + TALKS)
    source.refresh_from_db()
    draft = draft_event(source)
    assert [p.person.slug for p in draft.participants] == ["wang-yi", "murat-nurtleu"]
    assert all(p.sentence == TALKS for p in draft.participants)
    assert_cited(draft)


def test_drafting_writes_nothing_and_costs_the_same_queries_for_more_people(demo):
    two = linked(
        "The foreign ministers of China and Kazakhstan, Wang Yi and Murat Nurtleu, met in "
        "Astana on 3 March.",
        published_on=D(2025, 3, 4),
    )
    six = linked(
        "The foreign ministers of China, Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan and "
        "Turkmenistan, Wang Yi, Murat Nurtleu, Jeenbek Kulubaev, Sirojiddin Muhriddin, "
        "Bakhtiyor Saidov and Rashid Meredov, met in Astana on 3 March.",
        published_on=D(2025, 3, 4),
    )
    counts = []
    for source, people in ((two, 2), (six, 6)):
        with CaptureQueriesContext(connection) as queries:
            draft = draft_event(source)
            matching_events(source, draft=draft)
        assert len(draft.participants) == people
        sql = [q["sql"].lstrip().upper() for q in queries.captured_queries]
        assert not [q for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE"))]
        counts.append(len(sql))
    assert counts[0] == counts[1] <= 8
