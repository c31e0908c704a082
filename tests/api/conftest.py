"""A small world of published records with drafts mixed in, and API clients for each role."""

import datetime

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from events.models import AliasBase, Event, Position
from tests import factories as f
from tests.api_clients import EditingClient

D = datetime.date


@pytest.fixture(autouse=True)
def roomy_throttle_rates(monkeypatch):
    """Throttling counts requests in the cache: every test starts with none, under rates no
    test reaches (the throttling test sets its own)."""
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "10000/min", "user": None})
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon():
    return EditingClient()


def token_client(user) -> APIClient:
    client = EditingClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def contributor_client(contributor):
    return token_client(contributor)


@pytest.fixture
def editor_client(editor):
    return token_client(editor)


@pytest.fixture
def reader_client(db):
    """Logged in, but no editor rights: reads like anyone else."""
    return token_client(f.UserFactory(username="rita", is_staff=False))


DRAFT_SLUGS = {
    "secret-state",
    "hiddenville",
    "secret-draftperson",
    "secret-topic",
    "secret-summit",
    "secret-protocol",
    "draft-report",
    "shadow-outlet",
}


@pytest.fixture
def world(db):
    kaz = f.StateFactory(name="Kazakhstan", iso_code="KAZ", slug="kazakhstan")
    chn = f.StateFactory(name="China", iso_code="CHN", slug="china")
    tkm = f.StateFactory(name="Turkmenistan", iso_code="TKM", slug="turkmenistan")
    uzb = f.StateFactory(name="Uzbekistan", iso_code="UZB", slug="uzbekistan")
    secret_state = f.StateFactory(
        name="Secret State", iso_code="SCR", slug="secret-state", status="draft"
    )
    sco = f.OrganizationFactory(
        name="Shanghai Cooperation Organisation", short_name="SCO", slug="sco"
    )
    astana = f.PlaceFactory(name="Astana", slug="astana", country=kaz)
    astana.aliases.create(
        name="Nur-Sultan",
        kind=AliasBase.Kind.FORMER,
        valid_from=D(2019, 3, 23),
        valid_to=D(2022, 9, 17),
    )
    chengdu = f.PlaceFactory(name="Chengdu", slug="chengdu", country=chn)
    hiddenville = f.PlaceFactory(
        name="Hiddenville", slug="hiddenville", country=uzb, status="draft"
    )

    nurtleu = f.PersonFactory(name="Murat Nurtleu", slug="murat-nurtleu", country=kaz)
    f.PersonAliasFactory(person=nurtleu, name="Nurtileu")
    f.PositionFactory(
        person=nurtleu,
        organization=kaz,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=D(2023, 4, 3),
        end_date=D(2025, 9, 26),
    )
    wang = f.PersonFactory(name="Wang Yi", slug="wang-yi", country=chn, native_name="王毅")
    f.PositionFactory(
        person=wang,
        organization=chn,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=D(2023, 7, 25),
    )
    japarov = f.PersonFactory(name="Sadyr Japarov", slug="sadyr-japarov", country=None)
    f.PersonAliasFactory(person=japarov, name="Zhaparov")
    f.PersonAliasFactory(person=japarov, name="Sadır Çaparov")
    secret_person = f.PersonFactory(
        name="Secret Draftperson", slug="secret-draftperson", status="draft", country=tkm
    )

    trade = f.TopicFactory(name="Trade", slug="trade")
    energy = f.TopicFactory(name="Energy", slug="energy")
    secret_topic = f.TopicFactory(name="Secret topic", slug="secret-topic", status="draft")

    chengdu_meeting = f.EventFactory(
        title="Fifth Foreign Ministers' Meeting",
        slug="fifth-ministers-meeting",
        kind=Event.Kind.MINISTERIAL,
        start_date=D(2023, 12, 1),
        place=chengdu,
        host=chn,
        summary="The ministers met in Chengdu.",
        editor_note="Check the date with a second source.",
    )
    chengdu_meeting.topics.set([trade, secret_topic])
    f.ParticipationFactory(event=chengdu_meeting, person=nurtleu, representing=kaz)
    f.ParticipationFactory(event=chengdu_meeting, person=wang, representing=chn)
    f.ParticipationFactory(event=chengdu_meeting, person=secret_person, representing=tkm)

    astana_summit = f.EventFactory(
        title="Astana summit",
        slug="astana-summit",
        kind=Event.Kind.SUMMIT,
        start_date=D(2022, 9, 14),
        place=astana,
        host=kaz,
    )
    astana_summit.topics.set([energy])
    f.ParticipationFactory(event=astana_summit, person=wang, representing=chn)

    hidden_talks = f.EventFactory(
        title="Talks somewhere",
        slug="talks-somewhere",
        kind=Event.Kind.TALKS,
        start_date=D(2024, 3, 1),
        place=hiddenville,
    )
    f.ParticipationFactory(event=hidden_talks, person=secret_person, representing=tkm)

    secret_summit = f.EventFactory(
        title="Secret summit",
        slug="secret-summit",
        kind=Event.Kind.SUMMIT,
        start_date=D(2023, 6, 1),
        place=astana,
        status="draft",
    )

    statement = f.AgreementFactory(
        title="Chengdu Joint Statement",
        slug="chengdu-joint-statement",
        signed_on=D(2023, 12, 1),
        signed_at=chengdu_meeting,
    )
    statement.parties.set([kaz, chn, secret_state])
    statement.aliases.create(name="Chengdu Declaration")
    f.SignatoryFactory(agreement=statement, person=nurtleu, on_behalf_of=kaz)
    f.SignatoryFactory(agreement=statement, person=secret_person, on_behalf_of=tkm)
    treaty = f.AgreementFactory(
        title="Treaty of Good-Neighbourliness",
        slug="good-neighbourliness-treaty",
        kind="treaty",
        signed_on=D(2002, 12, 23),
    )
    treaty.parties.set([kaz, chn])
    secret_protocol = f.AgreementFactory(
        title="Secret protocol",
        slug="secret-protocol",
        kind="protocol",
        signed_on=D(2023, 12, 1),
        signed_at=chengdu_meeting,
        status="draft",
    )
    secret_protocol.parties.set([kaz])

    outlet = f.OutletFactory(name="Astana Times", slug="astana-times")
    shadow = f.OutletFactory(name="Shadow Outlet", slug="shadow-outlet", status="draft")
    report = f.SourceFactory(
        title="Ministers meet in Chengdu",
        slug="ministers-meet-in-chengdu",
        outlet=outlet,
        published_on=D(2023, 12, 2),
        body="The fifth meeting was held in Chengdu on 1 December. Murat Nurtleu attended.",
        summary="Our summary of the Chengdu meeting.",
        raw_text="RAW IMPORTED TEXT Comments (0)",
    )
    shadow_report = f.SourceFactory(
        title="Report by a draft outlet",
        slug="report-of-unnamed-outlet",
        outlet=shadow,
        published_on=D(2024, 1, 5),
    )
    draft_report = f.SourceFactory(
        title="Unpublished draft report",
        slug="draft-report",
        outlet=outlet,
        status="draft",
        body="Secret sentence about the meeting.",
    )
    f.CitationFactory(
        source=report,
        record=chengdu_meeting,
        excerpt="held in Chengdu on 1 December",
        claim="start_date",
    )
    f.CitationFactory(source=draft_report, record=chengdu_meeting, excerpt="Secret sentence")
    return {
        "kaz": kaz,
        "chn": chn,
        "tkm": tkm,
        "uzb": uzb,
        "sco": sco,
        "astana": astana,
        "chengdu": chengdu,
        "nurtleu": nurtleu,
        "wang": wang,
        "japarov": japarov,
        "secret_person": secret_person,
        "trade": trade,
        "energy": energy,
        "chengdu_meeting": chengdu_meeting,
        "astana_summit": astana_summit,
        "hidden_talks": hidden_talks,
        "secret_summit": secret_summit,
        "statement": statement,
        "treaty": treaty,
        "secret_protocol": secret_protocol,
        "outlet": outlet,
        "report": report,
        "shadow_report": shadow_report,
        "draft_report": draft_report,
    }


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]
