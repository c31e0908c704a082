"""Limits keyed on who asks: failed logins per account and address and per address across
account names; API throttles on the real client address, X-Forwarded-For trusted only as far
as DJANGO_PROXY_COUNT says."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from cmsproject.clients import client_address
from tests import factories as f

pytestmark = pytest.mark.django_db
LOGIN = "admin:login"


def attempt(client, username: str, password: str = "wrong password", address="10.0.0.9"):
    return client.post(
        reverse(LOGIN), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_password_spraying_from_one_address_locks_the_address(client):
    f.editor(username="edith", password="correct-horse-battery")
    # Four wrong passwords each for many account names: under the per-account limit (5) every
    # time, but twenty from one address lock it.
    for n in range(5):
        for _ in range(4):
            attempt(client, f"name-{n}")
    locked = attempt(client, "edith", "correct-horse-battery")
    assert locked.status_code == 429 and not logged_in(client)
    elsewhere = attempt(client, "edith", "correct-horse-battery", address="10.0.0.10")
    assert elsewhere.status_code == 302 and logged_in(client)  # another address is not locked


def test_a_valid_login_does_not_clear_the_addresss_count(client):
    f.editor(username="edith", password="correct-horse-battery")
    for n in range(19):
        attempt(client, f"guess-{n}")
    assert attempt(client, "edith", "correct-horse-battery").status_code == 302
    client.logout()
    attempt(client, "guess-19")  # the twentieth wrong one from this address
    assert attempt(client, "edith", "correct-horse-battery").status_code == 429


def test_a_few_mistakes_from_a_shared_office_address_lock_nobody(client):
    f.editor(username="edith", password="correct-horse-battery")
    for n in range(6):
        attempt(client, f"colleague-{n}")  # six people, one typo each
    assert attempt(client, "edith", "correct-horse-battery").status_code == 302


def test_forwarded_for_is_ignored_with_no_trusted_proxy(settings):
    settings.CARAVAN_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.9"


def test_behind_one_proxy_the_client_is_the_address_it_appended(settings):
    settings.CARAVAN_PROXY_COUNT = 1
    forged = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_address(forged) == "203.0.113.7"  # what the client wrote stays to the left
    direct = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")
    assert client_address(direct) == "10.0.0.1"


def test_a_new_forwarded_for_each_time_does_not_escape_the_api_throttle(monkeypatch, settings):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": None})
    client = APIClient()
    statuses = [
        client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_a_proxy_clients_are_throttled_one_by_one(monkeypatch, settings):
    settings.CARAVAN_PROXY_COUNT = 1
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": None})
    client = APIClient(REMOTE_ADDR="10.0.0.1")  # every request arrives from the proxy

    def get(client_ip: str, forged: str = "") -> int:
        chain = f"{forged}, {client_ip}" if forged else client_ip
        return client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=chain).status_code

    assert [get("203.0.113.7", forged=f"6.6.6.{n}") for n in range(3)] == [200, 200, 429]
    assert get("203.0.113.8") == 200  # another reader behind the same proxy


def test_the_admin_cleans_up_expired_login_attempts(client, superuser):
    import datetime

    from axes.models import AccessAttempt
    from django.utils import timezone

    def failed(name: str, hours_ago: float) -> AccessAttempt:
        attempt = AccessAttempt.objects.create(
            username=name, ip_address="10.0.0.9", user_agent="test", failures_since_start=3
        )
        when = timezone.now() - datetime.timedelta(hours=hours_ago)
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=when)  # auto_now_add
        return attempt

    client.force_login(superuser)  # (a login cleans up too: before the attempts are made)
    old, recent = failed("long-ago", 5), failed("just-now", 0)
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", "_selected_action": [old.pk, recent.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Cleaned up 1 expired access attempts" in response.content.decode()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["just-now"]
