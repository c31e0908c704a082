"""`manage.py demo`: the demo dataset loads, holds the facts readers see, reruns write nothing."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from cmsproject.editorial.models import Status
from cmsproject.ops.demo import load_demo
from cmsproject.ops.demo.agreements import AGREEMENTS
from cmsproject.ops.demo.events import EVENTS
from cmsproject.ops.demo.loader import PEOPLE, all_citations
from cmsproject.ops.demo.sources import SOURCES
from cmsproject.ops.demo.states import BODIES, STATES
from cmsproject.ops.demo.values import PUBLISHED_AT
from events.models import Event, Figure, Organization, Person, PersonAlias, Place, Position
from sources.models import Citation, Source

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return load_demo()


def row_counts() -> dict[str, int]:
    """Rows in every table Django knows, history and many-to-many tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def test_demo_loads_the_six_states_people_and_meetings(demo):
    assert demo.created > 250
    assert set(Organization.objects.states().values_list("iso_code", flat=True)) == {
        "CHN",
        "KAZ",
        "KGZ",
        "TJK",
        "TKM",
        "UZB",
    }
    assert (
        Event.objects.filter(series__slug="china-central-asia-foreign-ministers-meeting").count()
        == 6
    )
    assert Person.objects.filter(slug="parahat-durdyev").exists()


def test_second_run_writes_no_row_in_any_table(demo):
    before = row_counts()
    again = load_demo()
    assert (again.created, again.updated) == (0, 0)
    assert again.unchanged == demo.created
    assert row_counts() == before


def test_a_record_edited_by_hand_is_put_back_with_one_history_row(demo):
    japarov = Person.objects.get(slug="sadyr-japarov")
    Person.objects.filter(pk=japarov.pk).update(biography="Edited.")
    history = japarov.history.count()
    again = load_demo()
    assert (again.created, again.updated) == (0, 1)
    japarov.refresh_from_db()
    assert japarov.biography.startswith("President of Kyrgyzstan")
    assert japarov.history.count() == history + 1
    assert japarov.history.first().history_change_reason == "Demo data"


def test_command_prints_a_one_line_summary(demo):
    out = io.StringIO()
    call_command("demo", stdout=out, skip_checks=True)
    assert out.getvalue().strip() == f"Demo data: 0 created, 0 updated, {demo.created} unchanged"


def test_turkmenistan_head_of_state_by_date(demo):
    turkmenistan = Organization.objects.get(iso_code="TKM")

    def president_on(day):
        return Position.holder_of(organization=turkmenistan, role="head_of_state", date=day).name

    assert president_on(datetime.date(2022, 1, 25)) == "Gurbanguly Berdimuhamedov"
    assert president_on(datetime.date(2023, 5, 19)) == "Serdar Berdimuhamedov"


def test_month_precision_and_acting_terms_are_kept(demo):
    kulubaev = Position.objects.get(person__slug="jeenbek-kulubaev")
    assert (kulubaev.start_date, kulubaev.start_precision) == (datetime.date(2022, 12, 1), "month")
    acting = Position.objects.get(person__slug="sadyr-japarov", is_acting=True)
    assert (acting.start_date, acting.end_date) == (
        datetime.date(2020, 10, 16),
        datetime.date(2020, 11, 14),
    )
    wang = Person.objects.get(slug="wang-yi")
    assert wang.positions.filter(role="foreign_minister").count() == 2
    assert (
        wang.role_on(datetime.date(2023, 3, 1))
        == "Member of the Politburo of the Communist Party of China"
    )


def test_sixth_ministers_meeting_has_six_participants_with_turkmenistans_ambassador(demo):
    sixth = Event.objects.get(
        series__slug="china-central-asia-foreign-ministers-meeting", ordinal=6
    )
    labels = {p.person.name: p.label for p in sixth.participations.all()}
    assert len(labels) == 6
    assert labels["Parahat Durdyev"] == "Ambassador of Turkmenistan to China"
    assert sixth.place.name == "Almaty"


def test_participants_are_labelled_with_their_office_on_the_day(demo):
    summit = Event.objects.get(slug="china-central-asia-virtual-summit-2022")
    labels = {p.person.name: p.label for p in summit.participations.all()}
    assert labels["Gurbanguly Berdimuhamedov"] == "President of Turkmenistan"
    assert labels["Sadyr Japarov"] == "President of Kyrgyzstan"
    assert len(labels) == 6
    fifth = Event.objects.get(slug="fifth-china-central-asia-foreign-ministers-meeting")
    talks = fifth.sideline_events.get()
    assert {p.person.name for p in talks.participations.all()} == {"Murat Nurtleu", "Wang Yi"}


def test_astana_was_nur_sultan_at_the_third_meeting(demo):
    astana = Place.objects.get(slug="astana")
    third = Event.objects.get(slug="third-china-central-asia-foreign-ministers-meeting")
    assert astana.name_on(third.start_date) == "Nur-Sultan"
    assert astana.name_on(datetime.date(2025, 6, 16)) == "Astana"


def test_seed_spellings_are_aliases(demo):
    assert PersonAlias.objects.filter(person__slug="sadyr-japarov", name="Zhaparov").exists()
    for slug, alias in [
        ("kassym-jomart-tokayev", "Kasim Cömert Tokayev"),
        ("shavkat-mirziyoyev", "Shevket Mirziyoyev"),
        ("emomali-rahmon", "Imamali Rahman"),
        ("gurbanguly-berdimuhamedov", "Kurbankulu Berdimuhammedov"),
        ("murat-nurtleu", "Nurtileu"),
    ]:
        assert PersonAlias.objects.filter(person__slug=slug, name=alias).exists(), alias


def test_every_citation_quotes_its_source(demo):
    citations = list(Citation.objects.select_related("source"))
    assert len(citations) == len(all_citations())
    for citation in citations:
        citation.full_clean()


def test_figures_are_records_each_cited_with_its_source(demo):
    figures = {f.slug: f for f in Figure.objects.published().select_related("indicator")}
    assert {f.value_display for f in figures.values()} == {"$41.0 bn", "$36.5 bn", "$24.0 bn"}
    for figure in figures.values():
        (citation,) = Citation.objects.for_object(figure)
        assert citation.claim == "value" and citation.source.is_live
        assert figure.value_display.split(".")[0].lstrip("$") in citation.excerpt
    assert figures["trade-kazakhstan-china-2023-jan-oct"].period == "January–October 2023"
    # the figures are no longer footnotes of the state page but rows of its figures
    kazakhstan = Organization.objects.get(iso_code="KAZ")
    assert not Citation.objects.for_object(kazakhstan).filter(excerpt__contains="bn").exists()


def test_drafts_and_reviews_are_there_to_see_the_workflow(demo):
    assert Event.objects.filter(status=Status.DRAFT).exists()
    assert Person.objects.filter(status=Status.REVIEW).exists()
    assert Source.objects.filter(status=Status.DRAFT).exists()
    assert not Event.objects.filter(status=Status.DRAFT, published_at__isnull=False).exists()
    published = Event.objects.published()
    assert set(published.values_list("published_at", flat=True)) == {PUBLISHED_AT}


def _phrases(text: str, n: int = 11) -> set[tuple[str, ...]]:
    """Runs of ``n`` words. Titles and official names the seeds share with us ("Deputy Prime
    Minister and Minister of Foreign Affairs of Kazakhstan") are shorter than 11 words."""
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
def test_demo_text_shares_no_phrase_with_the_seed_articles():
    seeds = set().union(*(_phrases(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    texts = [s[key] for s in SOURCES for key in ("title", "summary", "body")]
    texts += [e["summary"] for e in EVENTS]
    texts += [a["summary"] for a in AGREEMENTS]
    texts += [p["biography"] for p in PEOPLE]
    texts += [o["description"] for o in STATES + BODIES]
    shared = {" ".join(phrase) for text in texts for phrase in _phrases(text) & seeds}
    assert not shared
