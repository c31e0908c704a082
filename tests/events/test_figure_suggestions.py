"""Imports suggest the figures articles report; accepting one makes a cited draft figure."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from events.linking.index import invalidate
from events.linking.service import accept_mention, link_source, reject_mention
from events.models import Figure, Mention
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db

TRADE = (
    "Wang Yi met Murat Nurtleu in Astana. In January-October, trade between Kazakhstan and "
    "China reached $36.5 billion, 11% more than a year before. Kazakhstan could export "
    "$1 billion more of food."
)


@pytest.fixture
def trade(cast):
    return f.IndicatorFactory(
        name="Bilateral trade turnover", keywords="trade turnover\ntrade between\nтоварооборот"
    )


def imported(body: str, **kwargs):
    invalidate()
    source = f.SourceFactory(
        status="draft", published_on=datetime.date(2024, 11, 20), body=body, **kwargs
    )
    link_source(source, new_source=True)
    return source


def figure_suggestions(source):
    return list(Mention.objects.filter(source=source, kind=Mention.Kind.FIGURE))


def test_an_amount_with_its_period_is_suggested_with_what_the_sentence_says(cast, trade):
    source = imported(TRADE)
    [mention] = figure_suggestions(source)  # the $1 billion has no period: not a figure
    assert mention.text == "$36.5 billion"
    assert mention.sentence.startswith("In January-October, trade between Kazakhstan")
    assert mention.details["value"] == "36500000000"
    assert mention.details["unit"] == "USD"
    assert (mention.details["period_start"], mention.details["period_end"]) == (
        "2024-01-01",
        "2024-10-31",
    )
    assert mention.details["indicator"] == trade.pk
    assert mention.details["party"] == cast["nurtleu"].country_id  # Kazakhstan, named first
    assert mention.details["partner"] == cast["wang"].country_id
    assert "year from the publication date" in mention.reason
    assert mention.label == "$36.5 bn, January–October 2024 (new figure)"


def test_accepting_makes_a_draft_figure_citing_the_sentence(client, editor, cast, trade):
    source = imported(TRADE)
    [mention] = figure_suggestions(source)
    client.force_login(editor)
    response = client.post(reverse("admin:events_mention_accept", args=[mention.pk]), follow=True)
    [message] = response.context["messages"]
    assert "is a draft" in str(message)
    figure = Figure.objects.get()
    assert (figure.status, figure.value, figure.unit) == ("draft", Decimal("36500000000"), "USD")
    assert (figure.period_start, figure.period_end) == (
        datetime.date(2024, 1, 1),
        datetime.date(2024, 10, 31),
    )
    assert (figure.indicator, figure.party.name, figure.partner.name) == (
        trade,
        "Kazakhstan",
        "China",
    )
    [citation] = Citation.objects.for_object(figure)
    assert citation.claim == "value" and citation.source == source
    assert citation.excerpt == mention.sentence
    mention.refresh_from_db()
    assert (mention.decision, mention.record) == ("accepted", figure)
    # readers see nothing until an editor publishes it
    client.logout()
    trade_page = client.get(trade.get_absolute_url())
    assert b"36.5" not in trade_page.content


def test_the_same_figure_from_two_articles_is_one_figure_with_two_citations(editor, cast, trade):
    first, second = imported(TRADE), imported(TRADE.replace("Wang Yi met", "Wang Yi saw"))
    for source in (first, second):
        [mention] = figure_suggestions(source)
        accept_mention(mention=mention, user=editor)
    figure = Figure.objects.get()
    assert {c.source for c in Citation.objects.for_object(figure)} == {first, second}


def test_a_rejected_figure_is_not_suggested_again(editor, cast, trade):
    source = imported(TRADE)
    [mention] = figure_suggestions(source)
    reject_mention(mention=mention, user=editor)
    link_source(source)  # linked again, e.g. after an edit of the body
    assert [m.decision for m in figure_suggestions(source)] == ["rejected"]


def test_an_amount_of_nothing_followed_is_not_suggested(cast):
    f.IndicatorFactory(name="Accumulated investment", keywords="investment stock")
    source = imported("In 2023, the new stadium in Astana cost $300 million.")
    assert figure_suggestions(source) == []


def test_an_amount_fitting_two_indicators_is_accepted_by_choosing(client, editor, cast, trade):
    exports = f.IndicatorFactory(name="Exports", keywords="trade between")
    source = imported(TRADE)
    [mention] = figure_suggestions(source)
    assert {c["id"] for c in mention.candidates} == {trade.pk, exports.pk}
    client.force_login(editor)
    page = client.get(reverse("admin:sources_source_change", args=[source.pk])).content
    assert b"It is Exports" in page
    url = reverse("admin:events_mention_accept", args=[mention.pk])
    client.post(url)  # no choice: refused, nothing made
    assert not Figure.objects.exists()
    client.post(f"{url}?record={exports.pk}")
    assert Figure.objects.get().indicator == exports


def test_a_figure_whose_side_is_not_named_is_finished_in_a_filled_form(client, editor, cast):
    indicator = f.IndicatorFactory(name="Bilateral trade turnover", keywords="trade turnover")
    source = imported("In 2023, bilateral trade turnover reached $41 bn.")
    [mention] = figure_suggestions(source)
    assert mention.details["party"] is None
    client.force_login(editor)
    response = client.post(
        reverse("admin:events_mention_accept", args=[mention.pk]),
        headers={"x-requested-with": "fetch"},
    )
    assert response.status_code == 400
    message = response.json()["message"]
    assert "which state reports it" in message
    assert not Figure.objects.exists()
    form_url = message.split("(")[1].split(")")[0]
    form = client.get(form_url)
    assert form.status_code == 200
    initial = form.context["adminform"].form.initial
    assert initial["indicator"] == str(indicator.pk) and initial["value"] == "41000000000"
    assert (initial["period_start"], initial["period_end"]) == ("2023-01-01", "2023-12-31")


def test_a_contributor_accepts_figures_as_drafts(contributor, cast, trade):
    source = imported(TRADE)
    [mention] = figure_suggestions(source)
    accept_mention(mention=mention, user=contributor)
    assert Figure.objects.get().status == "draft"
