"""Polite limits: every API answer tells the client its budget (the IETF draft's RateLimit
headers), and reading the schema and its docs uses none of it."""

import pytest
from rest_framework.authtoken.models import Token

from cmsproject.clients import AnonRateThrottle, UserRateThrottle
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_budget(monkeypatch):
    rates = {"anon": "3/min", "user": "5/min"}
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", rates)
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", rates)


def budget(response) -> tuple[int, int, int]:
    return tuple(int(response[f"RateLimit-{h}"]) for h in ("Limit", "Remaining", "Reset"))


def test_each_answer_says_what_is_left_and_when_it_comes_back(client, small_budget):
    answers = [client.get("/api/v1/events/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [budget(a)[:2] for a in answers] == [(3, 2), (3, 1), (3, 0), (3, 0)]
    assert all(0 < budget(a)[2] <= 60 for a in answers)
    assert answers[0]["RateLimit-Policy"] == "3;w=60"
    assert int(answers[-1]["Retry-After"]) <= budget(answers[-1])[2] + 1


def test_an_editor_is_told_the_editors_budget(client, small_budget):
    token = Token.objects.create(user=f.editor(username="edith"))
    response = client.get("/api/v1/people/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert budget(response)[:2] == (5, 4)


def test_the_schema_and_docs_are_outside_the_quota(client, small_budget):
    for _ in range(3):
        client.get("/api/v1/events/")
    assert client.get("/api/v1/events/").status_code == 429
    for _ in range(5):  # still readable, and not counted
        assert client.get("/api/schema/").status_code == 200
        assert client.get("/api/docs/").status_code == 200
    assert "RateLimit-Limit" not in client.get("/api/schema/")


def test_pages_carry_no_rate_limit_headers(client):
    assert "RateLimit-Limit" not in client.get("/events/")
