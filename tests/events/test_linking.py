"""Finding known names in sources: spellings, initials, surnames, dates, scripts, precision."""

import datetime
from pathlib import Path

import pytest

from events.linking.index import invalidate
from events.linking.service import accept_mention, find_mentions, link_source, reject_mention
from events.models import Mention, Person
from sources.ingestion.service import import_file
from tests import factories as f

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    invalidate()
    yield
    invalidate()


def found_in(text, *, on=None):
    source = f.SourceFactory(body=text, published_on=on, status="draft")
    return find_mentions(source)


def people(found):
    return {(m.text, m.record_id) for m in found if m.kind == "person"}


def named(found, cast):
    ids = {v.id: k for k, v in cast.items() if isinstance(v, Person)}
    return {ids.get(m.record_id) for m in found if m.kind == "person" and m.record_id}


@pytest.mark.parametrize(
    "spelling",
    [
        "Sadyr Japarov",
        "Sadyr Zhaparov",
        "Sadyr Zaparov",
        "Sadir Caparov",
        "SADYR JAPAROV",
    ],
)
def test_transliterations_of_a_name_match(cast, spelling):
    assert named(found_in(f"The summit heard {spelling} speak."), cast) == {"japarov"}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Kassym-Jomart Tokaev met reporters.", "tokayev"),
        ("Kasim Cömert Tokayev met reporters.", "tokayev"),
        ("Emomali Rakhmon met reporters.", "rahmon"),
        ("Imamali Rahman met reporters.", "rahmon"),
        ("Shavkat Mirziyoev met reporters.", "mirziyoyev"),
        ("Shevket Mirziyoyev met reporters.", "mirziyoyev"),
        ("Jeenbek Kulubayev met reporters.", "kulubaev"),
        ("Sirojiddin Mukhriddin met reporters.", "muhriddin"),
        ("Murat Nurtileu met reporters.", "nurtleu"),
        ("Kurbankulu Berdimuhammedov met reporters.", "gurbanguly"),
        ("Serdar Berdymukhamedov met reporters.", "serdar"),
    ],
)
def test_spellings_fold_to_the_same_person(cast, text, who):
    assert named(found_in(text), cast) == {who}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The letter was signed by K.K.Tokaev yesterday.", "tokayev"),
        ("The decree of Sh.M. Mirziyoyev was published.", "mirziyoyev"),
        ("A message from S.G. Berdimuhamedov was read out.", "serdar"),
    ],
)
def test_initials_before_a_surname(cast, text, who):
    assert named(found_in(text), cast) == {who}


def test_surname_after_full_name_is_the_same_person(cast):
    found = found_in(
        "Murat Nurtleu met the press. Later, Nurtleu and Wang Yi held talks. "
        "Nurtleu and Wang underlined trade."
    )
    nurtleu = [m for m in found if m.kind == "person" and m.record_id == cast["nurtleu"].id]
    wang = [m for m in found if m.kind == "person" and m.record_id == cast["wang"].id]
    assert [m.text for m in nurtleu] == ["Murat Nurtleu", "Nurtleu", "Nurtleu"]
    assert [m.text for m in wang] == ["Wang Yi", "Wang"]


def test_title_before_a_surname_names_the_only_holder(cast):
    assert named(found_in("President Caparov said the platform is effective."), cast) == {"japarov"}


def test_shared_surname_resolves_by_office_on_the_source_date(cast):
    text = "Turkmenistan's President Berdimuhamedov addressed the summit."
    assert named(found_in(text, on=datetime.date(2022, 1, 25)), cast) == {"gurbanguly"}
    assert named(found_in(text, on=datetime.date(2023, 5, 19)), cast) == {"serdar"}


def test_shared_surname_without_a_date_is_flagged_not_guessed(cast):
    found = found_in("President Berdimuhamedov addressed the summit.")
    (mention,) = [m for m in found if m.kind == "person"]
    assert mention.record_id is None
    assert set(mention.candidates) == {cast["gurbanguly"].id, cast["serdar"].id}


def test_native_script_and_russian_case_endings(cast):
    found = found_in(
        "Си Цзиньпин встретился с Касым-Жомартом Токаевым. Позже Си Цзиньпином "
        "было отмечено, что Токаеву передали письмо."
    )
    assert named(found, cast) == {"xi", "tokayev"}
    assert len([m for m in found if m.kind == "person" and m.record_id == cast["tokayev"].id]) == 2
    assert named(found_in("习近平会见了王毅。"), cast) == {"xi", "wang"}


def test_xian_is_a_city_not_xi_jinping(cast):
    found = found_in(
        "Chinese President Xi Jinping welcomed guests in Xi'an. Xi spoke first; "
        "the Xi'an Declaration was adopted."
    )
    xi = [m for m in found if m.kind == "person" and m.record_id == cast["xi"].id]
    assert [m.text for m in xi] == ["Xi Jinping", "Xi"]
    assert [m.text for m in found if m.kind == "place"] == ["Xi'an", "Xi'an"]


def test_wang_wenbin_is_not_wang_yi(cast):
    found = found_in(
        "Wang Yi travelled on. Spokesman Wang Wenbin told reporters the visit went well."
    )
    wang = [m for m in found if m.kind == "person" and m.record_id == cast["wang"].id]
    assert [m.text for m in wang] == ["Wang Yi"]


def test_unknown_person_with_a_title_is_offered_as_new(cast):
    found = found_in("Foreign Minister Chingiz Aidarbekov and President Tokayev spoke.")
    new = [m for m in found if m.kind == "person" and m.record_id is None]
    assert [(m.proposed_name, m.start) for m in new] == [("Chingiz Aidarbekov", 17)]


def test_offsets_point_at_the_exact_text(cast):
    text = "At the SCO meeting, Sadir Caparov spoke about the UN Security Council."
    for m in found_in(text):
        assert text[m.start : m.end] == m.text
    assert {m.text for m in found_in(text) if m.kind == "organization"} == {"SCO", "UN"}


def test_lowercase_abbreviation_lookalikes_are_not_organizations(cast):
    assert not [m for m in found_in("The un-named sco official spoke.") if m.kind == "organization"]


def test_report_of_an_event_is_suggested(cast):
    event = f.EventFactory(
        start_date=datetime.date(2023, 12, 1), place=cast["chengdu"], title="Fifth meeting"
    )
    for p in ("wang", "nurtleu", "kulubaev"):
        f.ParticipationFactory(event=event, person=cast[p])
    text = "In Chengdu, Murat Nurtleu and Wang Yi held talks on trade."
    found = found_in(text, on=datetime.date(2023, 12, 2))
    assert [m.record_id for m in found if m.kind == "event"] == [event.id]
    far = found_in(text, on=datetime.date(2024, 6, 1))
    assert not [m for m in far if m.kind == "event"]


def test_suggestions_accept_and_reject(cast, editor):
    source = f.SourceFactory(
        status="draft",
        body=("Murat Nurtleu held talks with Wang Yi in Astana. Nurtleu thanked his guest."),
    )
    report = link_source(source)
    assert {(m["type"], m["slug"]) for m in report} >= {
        ("person", cast["nurtleu"].slug),
        ("person", cast["wang"].slug),
        ("place", cast["astana"].slug),
    }
    assert Mention.objects.filter(source=source).count() == 3
    nurtleu = Mention.objects.get(source=source, object_id=cast["nurtleu"].id)
    assert nurtleu.spans == [[0, 13], [49, 56]]
    # nothing cites the source yet: accepting links the name, cites nothing of the person's
    assert accept_mention(mention=nurtleu, user=editor) == []
    nurtleu.refresh_from_db()
    assert nurtleu.decision == "accepted" and not cast["nurtleu"].citations.exists()
    place = Mention.objects.get(source=source, kind="place")
    reject_mention(mention=place, user=editor)
    link_source(source)  # linking again
    place.refresh_from_db()
    assert place.decision == "rejected"
    assert Mention.objects.filter(source=source).count() == 3


def test_accepting_a_new_person_creates_a_draft(cast, editor):
    source = f.SourceFactory(status="draft", body="Foreign Minister Chingiz Aidarbekov spoke.")
    link_source(source)
    mention = Mention.objects.get(source=source, object_id__isnull=True)
    accept_mention(mention=mention, user=editor)
    person = Person.objects.get(name="Chingiz Aidarbekov")
    assert person.status == "draft"
    assert person.citations.get().source == source


def test_outsiders_cannot_decide(cast):
    source = f.SourceFactory(status="draft", body="Murat Nurtleu spoke.")
    link_source(source)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        reject_mention(mention=Mention.objects.get(), user=f.UserFactory(username="nobody"))


SEED_PEOPLE = {
    "000": set(),
    "001": {"tokayev", "japarov", "mirziyoyev", "rahmon", "gurbanguly", "xi"},
    "002": {"nurtleu", "wang"},
    "003": {"nurtleu", "wang", "kulubaev", "muhriddin"},
    "004": {"wang", "nurtleu", "xi", "mirziyoyev"},
}


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(SEED_PEOPLE))
def test_people_named_in_each_seed_are_found(cast, prefix):
    data = next(SEEDS.glob(f"{prefix}_*.txt")).read_bytes()
    report = import_file(name=prefix, data=data)
    assert report.status == "created"
    ids = {v.slug: k for k, v in cast.items() if isinstance(v, Person)}
    found = {ids.get(m["slug"]) for m in report.mentions if m["type"] == "person" and m["slug"]}
    assert SEED_PEOPLE[prefix] <= found
    assert not any(m["text"] == "Xi" and "Xi'an" in m.get("name", "") for m in report.mentions)
    for m in report.mentions:
        assert report.source.body[m["start"] : m["end"]] == m["text"]


@needs_seeds
def test_seed_spellings_resolve(cast):
    report = import_file(name="001", data=next(SEEDS.glob("001_*.txt")).read_bytes())
    by_text = {m["text"]: m["slug"] for m in report.mentions if m["type"] == "person"}
    assert by_text["Kasim Cömert Tokayev"] == cast["tokayev"].slug
    assert by_text["Sadir Caparov"] == cast["japarov"].slug
    assert by_text["Shevket Mirziyoyev"] == cast["mirziyoyev"].slug
    assert by_text["Imamali Rahman"] == cast["rahmon"].slug
    assert by_text["Kurbankulu Berdimuhammedov"] == cast["gurbanguly"].slug
    assert by_text["Caparov"] == cast["japarov"].slug
