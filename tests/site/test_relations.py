"""Between two states: the relation page, and the delegation table of a series."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest

from cmsproject.editorial.models import Status
from events.models import Position
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def states():
    kaz = f.StateFactory(name="Kazakhstan", slug="kazakhstan", iso_code="KAZ")
    chn = f.StateFactory(name="China", slug="china", iso_code="CHN")
    uzb = f.StateFactory(name="Uzbekistan", slug="uzbekistan", iso_code="UZB")
    return kaz, chn, uzb


def met(first, second, *, when: datetime.date, title: str, **kwargs):
    event = f.EventFactory(title=title, start_date=when, **kwargs)
    for state in (first, second):
        f.ParticipationFactory(event=event, representing=state)
    return event


def test_the_relation_page_has_every_meeting_agreement_and_figure_between_two(client, states):
    kaz, chn, uzb = states
    talks = met(kaz, chn, when=D(2023, 12, 1), title="Talks in Chengdu")
    visit = met(kaz, chn, when=D(2021, 5, 20), title="Visit to Astana")
    met(uzb, chn, when=D(2023, 6, 1), title="Talks in Tashkent")  # not between these two
    met(kaz, chn, when=D(2022, 1, 1), title="Draft talks", status=Status.DRAFT)
    treaty = f.AgreementFactory(title="Treaty of friendship", signed_on=D(2023, 12, 1))
    treaty.parties.set([kaz, chn])
    f.FigureFactory(party=kaz, partner=chn, value=Decimal("41e9"))

    page = client.get("/relations/kazakhstan/china/").content.decode()

    assert talks.title in page and visit.title in page and treaty.title in page
    assert "Talks in Tashkent" not in page and "Draft talks" not in page
    assert page.index("Talks in Chengdu") < page.index("Visit to Astana")  # newest first
    assert "$41.0 bn" in page
    assert "2 published events both took part in and 1 agreement" in page
    # the chart counts every year from the first to the last, 2022 (nothing) as zero
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert ">2022<" in chart
    assert 'rel="canonical" href="http://testserver/relations/china/kazakhstan/"' in page
    assert client.get("/relations/china/kazakhstan/").status_code == 200


@pytest.mark.parametrize("path", ["/relations/china/china/", "/relations/china/atlantis/"])
def test_a_relation_needs_two_published_states(client, states, path):
    assert client.get(path).status_code == 404


def test_both_state_pages_link_to_the_relation(client, states):
    kaz, chn, _ = states
    met(kaz, chn, when=D(2023, 12, 1), title="Talks")
    for state, other in ((kaz, chn), (chn, kaz)):
        page = client.get(state.get_absolute_url()).content.decode()
        assert f'href="/relations/{state.slug}/{other.slug}/"' in page


def test_the_delegation_table_shows_a_drop_in_rank(client, states):
    kaz, chn, _ = states
    series = f.EventSeriesFactory(name="Foreign Ministers' Meeting")
    minister = f.PersonFactory(name="Rashid Minister")
    envoy = f.PersonFactory(name="Ambassador Envoy")
    Position.objects.create(
        person=minister,
        organization=kaz,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=D(2015, 1, 1),
    )
    Position.objects.create(
        person=envoy,
        organization=kaz,
        role=Position.Role.AMBASSADOR,
        title="Ambassador to China",
        start_date=D(2015, 1, 1),
    )
    first = f.EventFactory(series=series, ordinal=1, start_date=D(2023, 4, 27))
    second = f.EventFactory(series=series, ordinal=2, start_date=D(2025, 4, 26))
    f.ParticipationFactory(event=first, person=minister, representing=kaz)
    f.ParticipationFactory(event=second, person=envoy, representing=kaz)
    f.ParticipationFactory(event=second, person=f.PersonFactory(name="Wang"), representing=chn)

    page = client.get(second.get_absolute_url()).content.decode()

    table = page[page.index('id="delegations-heading"') : page.index("</table>")]
    row = table[table.index(">Kazakhstan<") :]
    row = row[: row.index("</tr>")]
    assert "Rashid Minister" in row and "Minister of Foreign Affairs" in row
    assert 'class="lower-rank"' in row and "Ambassador to China" in row
    assert row.index("Rashid Minister") < row.index("Ambassador Envoy")  # editions in order
    china = table[table.index(">China<") :]
    assert "—" in china[: china.index("</tr>")]  # not there at the first edition
    assert "lower-rank" not in china[: china.index("</tr>")]


def test_the_state_chart_counts_a_summit_once_and_shows_empty_years(client, states):
    kaz, chn, uzb = states
    summit = f.EventFactory(title="Summit", start_date=D(2023, 5, 18))
    for state in (kaz, chn, uzb):
        f.ParticipationFactory(event=summit, representing=state)
    met(kaz, chn, when=D(2021, 3, 1), title="Talks")

    page = client.get("/organizations/kazakhstan/").content.decode()

    chart = page[page.index("<svg") : page.index("</svg>")]
    bars = re.findall(r"<title>([^<]*)</title></rect>", chart)
    assert sorted(bars) == ["2021: 1 With one partner", "2023: 1 With several partners"]
    assert ">2022<" in chart  # a year without events is on the axis, as zero


def test_a_role_given_in_words_ranks_like_the_office_it_names(client, states):
    kaz, chn, _ = states
    series = f.EventSeriesFactory(name="Foreign Ministers' Meeting")
    # no office on file for either: the role each participation gives is read instead
    minister, deputy = f.PersonFactory(name="Full Minister"), f.PersonFactory(name="The Deputy")
    first = f.EventFactory(series=series, ordinal=1, start_date=D(2023, 4, 27))
    second = f.EventFactory(series=series, ordinal=2, start_date=D(2025, 4, 26))
    f.ParticipationFactory(
        event=first, person=minister, representing=kaz, role="Minister of Foreign Affairs"
    )
    f.ParticipationFactory(
        event=second,
        person=deputy,
        representing=kaz,
        role="First Deputy Minister of Foreign Affairs",
    )
    f.ParticipationFactory(event=second, person=f.PersonFactory(name="Wang"), representing=chn)

    page = client.get(second.get_absolute_url()).content.decode()

    table = page[page.index('id="delegations-heading"') : page.index("</table>")]
    row = table[table.index(">Kazakhstan<") :]
    row = row[: row.index("</tr>")]
    lower = row[row.index('class="lower-rank"') :]
    assert "First Deputy Minister of Foreign Affairs" in lower
    assert "Full Minister" not in lower  # the minister's edition is not marked lower
