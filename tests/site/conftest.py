"""A small published world with drafts mixed in, for the public site tests."""

import datetime
from decimal import Decimal

import pytest

from events.models import Participation, Position
from sources.models import Citation
from tests import factories as f

D = datetime.date


@pytest.fixture
def world(db):
    kaz = f.StateFactory(name="Kazakhstan", iso_code="KAZ", slug="kazakhstan")
    chn = f.StateFactory(name="China", iso_code="CHN", slug="china")
    tkm = f.StateFactory(name="Turkmenistan", iso_code="TKM", slug="turkmenistan")
    chengdu = f.PlaceFactory(
        name="Chengdu",
        slug="chengdu",
        country=chn,
        latitude=Decimal("30.5728"),
        longitude=Decimal("104.0668"),
    )
    nurtleu = f.PersonFactory(name="Murat Nurtleu", slug="murat-nurtleu", country=kaz)
    f.PositionFactory(
        person=nurtleu,
        organization=kaz,
        role=Position.Role.FOREIGN_MINISTER,
        title="Deputy Prime Minister and Minister of Foreign Affairs",
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
    japarov = f.PersonFactory(name="Sadyr Japarov", slug="sadyr-japarov")
    f.PersonAliasFactory(person=japarov, name="Zhaparov")
    secret = f.PersonFactory(
        name="Secret Draftperson", slug="secret-draftperson", status="draft", country=tkm
    )
    outlet = f.OutletFactory(name="Astana Times", slug="astana-times")
    source = f.SourceFactory(
        title="Ministers meet in Chengdu",
        slug="ministers-meet-in-chengdu",
        outlet=outlet,
        published_on=D(2023, 12, 2),
        body="The fifth meeting was held in Chengdu on 1 December. Murat Nurtleu attended.",
        summary="Our summary of the Chengdu meeting.",
    )
    other = f.SourceFactory(
        title="Another report",
        slug="another-report",
        outlet=outlet,
        body="The meeting took place on 2 December in Chengdu.",
    )
    draft_source = f.SourceFactory(
        title="Unpublished draft report",
        slug="draft-report",
        status="draft",
        body="Secret words of a draft source.",
    )
    topic = f.TopicFactory(name="Transport", slug="transport")
    meeting = f.EventFactory(
        title="Fifth China–Central Asia Foreign Ministers' Meeting",
        slug="fifth-fm",
        start_date=D(2023, 12, 1),
        place=chengdu,
        host=chn,
        summary="Ministers met in Chengdu.",
    )
    meeting.topics.add(topic)
    for person, state in [(nurtleu, kaz), (wang, chn), (secret, tkm)]:
        Participation.objects.create(event=meeting, person=person, representing=state)
    talks = f.EventFactory(
        title="Nurtleu–Wang talks",
        slug="nurtleu-wang-talks",
        kind="talks",
        start_date=D(2023, 12, 1),
        parent=meeting,
        place=chengdu,
    )
    draft_event = f.EventFactory(
        title="Hidden draft summit",
        slug="hidden-draft-summit",
        status="draft",
        start_date=D(2024, 1, 1),
        place=chengdu,
    )
    Participation.objects.create(event=draft_event, person=nurtleu, representing=kaz)
    agreement = f.AgreementFactory(
        title="Joint Statement of the Fifth Meeting",
        slug="joint-statement-5",
        signed_at=meeting,
        signed_on=D(2023, 12, 1),
    )
    agreement.parties.add(kaz, chn)
    f.SignatoryFactory(agreement=agreement, person=nurtleu, on_behalf_of=kaz)
    draft_agreement = f.AgreementFactory(
        title="Draft treaty", slug="draft-treaty", status="draft", signed_at=meeting
    )
    draft_agreement.parties.add(kaz)
    Citation.objects.create(
        source=source, record=meeting, excerpt="held in Chengdu on 1 December", claim="start_date"
    )
    Citation.objects.create(
        source=other,
        record=meeting,
        excerpt="took place on 2 December",
        claim="start_date",
        claimed_value="2 December 2023",
    )
    Citation.objects.create(source=draft_source, record=meeting, excerpt="Secret words")
    trade = f.IndicatorFactory(name="Bilateral trade turnover", slug="bilateral-trade-turnover")
    for party, partner, value in ((kaz, chn, "41000000000"), (chn, kaz, "40800000000")):
        f.FigureFactory(indicator=trade, party=party, partner=partner, value=Decimal(value))
    return {
        "trade": trade,
        "kaz": kaz,
        "chn": chn,
        "tkm": tkm,
        "nurtleu": nurtleu,
        "wang": wang,
        "japarov": japarov,
        "secret": secret,
        "source": source,
        "draft_source": draft_source,
        "meeting": meeting,
        "talks": talks,
        "draft_event": draft_event,
        "agreement": agreement,
        "draft_agreement": draft_agreement,
        "topic": topic,
        "chengdu": chengdu,
    }
