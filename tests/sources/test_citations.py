"""A citation's excerpt must be words its source really contains."""

import pytest
from django.core.exceptions import ValidationError

from sources.models import Citation
from sources.text import excerpt_occurs_in
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_excerpt_matching_ignores_case_spacing_and_quote_style():
    body = "Kazakhstan sees this format as\n the “most important” platform."
    assert excerpt_occurs_in('kazakhstan SEES this format as the "most important" platform', body)
    assert not excerpt_occurs_in("the least important platform", body)
    assert not excerpt_occurs_in("   ", body)


def test_citation_with_an_excerpt_from_its_source_is_valid():
    source = f.SourceFactory(body="Bilateral trade reached a record high of $36.5 billion.")
    c = Citation(source=source, record=f.EventFactory(), excerpt="record high of $36.5 BILLION")
    c.full_clean()


def test_citation_whose_excerpt_is_not_in_the_source_is_refused():
    source = f.SourceFactory(body="Bilateral trade reached a record high of $36.5 billion.")
    c = Citation(source=source, record=f.EventFactory(), excerpt="trade reached $41 billion")
    with pytest.raises(ValidationError) as err:
        c.full_clean()
    assert "does not occur in the body" in str(err.value.message_dict["excerpt"])


def test_citations_can_back_any_kind_of_record():
    source = f.SourceFactory()
    for record in (
        f.EventFactory(),
        f.PersonFactory(),
        f.AgreementFactory(),
        f.OrganizationFactory(),
        f.PlaceFactory(),
        f.TopicFactory(),
    ):
        Citation.objects.create(source=source, record=record, excerpt="trade reached")
        assert record.citations.get().source == source
