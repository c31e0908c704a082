"""Webhooks: each change POSTed, signed, by a worker, tried again when refused, logged.

The receiver is a real HTTP server on the loopback address."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cmsproject import webhooks
from cmsproject.ops.worker import run_due_tasks
from cmsproject.webhooks import Delivery, Webhook
from tests import factories as f
from tests.loopback import origin, serving

pytestmark = pytest.mark.django_db


@dataclass
class Receiver:
    url: str = ""
    #: the statuses to answer with, in turn (the last one repeated)
    answers: list[int] = field(default_factory=lambda: [200])
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)

    def bodies(self) -> list[dict]:
        return [json.loads(body) for _, body in self.received]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        receiver: Receiver = self.server.receiver
        body = self.rfile.read(int(self.headers["Content-Length"]))
        receiver.received.append((dict(self.headers.items()), body))
        status = receiver.answers[min(len(receiver.received), len(receiver.answers)) - 1]
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"thanks" if status < 300 else b"try later")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def receiver(settings):
    settings.CARAVAN_WEBHOOKS_PRIVATE_HOSTS = True  # the receiver is on the loopback
    settings.CARAVAN_SITE_URL = "https://caravan.example"
    with serving(Handler) as server:
        server.receiver = Receiver(url=origin(server) + "/hook")
        yield server.receiver


def subscribe(receiver: Receiver, **kwargs) -> Webhook:
    return Webhook.objects.create(name="Partner", url=receiver.url, **kwargs)


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver does with the Caravan-Signature header."""
    parts = dict(part.split("=", 1) for part in headers["Caravan-Signature"].split(","))
    expected = hmac.new(
        secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def test_a_published_record_is_posted_signed_and_logged(receiver, client):
    hook = subscribe(receiver)
    f.EventFactory(slug="astana-summit", title="Astana summit")
    assert receiver.received == []  # sent by a worker, not by the editor's request
    run_due_tasks()

    (headers, body), *_ = [
        r for r in receiver.received if json.loads(r[1])["change"]["type"] == "event"
    ]
    assert verify(hook.secret, headers, body)
    assert not verify("another secret", headers, body)
    assert headers["Content-Type"] == "application/json"
    assert headers["Caravan-Event"] == "published"
    data = json.loads(body)
    change = data["change"]
    assert (change["action"], change["slug"], change["label"]) == (
        "published",
        "astana-summit",
        "Astana summit",
    )
    assert change["url"] == "https://caravan.example/events/astana-summit/"
    assert change["api_url"] == "https://caravan.example/api/v1/events/astana-summit/"
    # the same change as the feed gives it
    feed = client.get("/api/v1/changes/?type=event").json()["results"]
    assert {k: v for k, v in feed[0].items() if k not in ("url", "api_url", "old_url")} == {
        k: v for k, v in change.items() if k not in ("url", "api_url", "old_url")
    }
    delivery = Delivery.objects.get(pk=int(headers["Caravan-Delivery"]))
    assert (delivery.state, delivery.status_code, delivery.attempts) == ("delivered", 200, 1)
    assert delivery.response == "thanks" and delivery.delivered_at is not None


def test_a_refused_delivery_is_tried_again_later_and_logged(receiver):
    receiver.answers = [503, 500, 200]
    subscribe(receiver, record_types="topic")
    f.TopicFactory(slug="water")
    run_due_tasks()
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.status_code, delivery.attempts) == ("pending", 503, 1)
    assert delivery.error == "HTTP 503" and delivery.response == "try later"

    now = timezone.now()
    with time_machine.travel(now + datetime.timedelta(seconds=5)):
        run_due_tasks()  # too early: the first retry waits 10 s
    assert len(receiver.received) == 1
    with time_machine.travel(now + datetime.timedelta(seconds=11)):
        run_due_tasks()
    with time_machine.travel(now + datetime.timedelta(seconds=40)):
        run_due_tasks()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.status_code, delivery.attempts) == ("delivered", 200, 3)
    assert len(receiver.received) == 3
    assert len({h["Caravan-Delivery"] for h, _ in receiver.received}) == 1  # one delivery


def test_a_delivery_refused_every_time_fails_and_the_admin_says_so(receiver, admin_client):
    receiver.answers = [500]
    hook = subscribe(receiver, record_types="topic")
    f.TopicFactory(slug="water")
    now = timezone.now()
    for minute in range(0, 60, 2):
        with time_machine.travel(now + datetime.timedelta(minutes=minute)):
            run_due_tasks()
    delivery = Delivery.objects.get()
    assert delivery.state == "failed" and delivery.attempts == webhooks.ATTEMPTS
    assert len(receiver.received) == webhooks.ATTEMPTS
    page = admin_client.get(reverse("admin:cmsproject_webhook_change", args=[hook.pk]))
    assert "(1 failed)" in page.content.decode()
    log = admin_client.get(
        reverse("admin:cmsproject_delivery_changelist") + f"?webhook__id__exact={hook.pk}"
    )
    assert "failed" in log.content.decode()


def test_a_webhook_gets_only_the_actions_and_types_it_asked_for(receiver):
    subscribe(receiver, actions="withdrawn", record_types="person")
    person = f.PersonFactory(slug="someone", country=None)
    f.TopicFactory(slug="water")
    person.status = "withdrawn"
    person.save()
    run_due_tasks()
    assert [(b["change"]["action"], b["change"]["slug"]) for b in receiver.bodies()] == [
        ("withdrawn", "someone")
    ]


def test_nothing_is_sent_for_drafts_rolled_back_changes_or_inactive_webhooks(receiver):
    subscribe(receiver)
    Webhook.objects.create(name="Off", url=receiver.url + "/off", active=False)
    f.PersonFactory(slug="draft", status="draft", country=None)
    with pytest.raises(RuntimeError), transaction.atomic():
        f.TopicFactory(slug="rolled-back")
        raise RuntimeError
    run_due_tasks()
    assert receiver.received == [] and not Delivery.objects.exists()


def test_a_private_address_is_refused_unless_allowed(receiver, settings):
    settings.CARAVAN_WEBHOOKS_PRIVATE_HOSTS = False
    subscribe(receiver)
    f.TopicFactory(slug="water")
    run_due_tasks()
    assert receiver.received == []
    delivery = Delivery.objects.get()
    assert delivery.state == "pending" and "private or local address" in delivery.error


def test_webhooks_are_for_administrators_only(client):
    client.force_login(f.editor())
    assert client.get(reverse("admin:cmsproject_webhook_changelist")).status_code == 403
    assert client.get(reverse("admin:cmsproject_delivery_changelist")).status_code == 403


def test_an_unknown_action_is_refused_when_the_webhook_is_saved(admin_client):
    response = admin_client.post(
        reverse("admin:cmsproject_webhook_add"),
        {
            "name": "Partner",
            "url": "https://partner.example/hook",
            "active": "on",
            "actions": "published, edited",
            "record_types": "",
            "secret": "s3cret-s3cret",
        },
    )
    assert response.status_code == 200
    assert "Unknown: edited" in response.content.decode()
    assert not Webhook.objects.exists()


def test_the_delivery_log_forgets_finished_deliveries_after_ninety_days(receiver):
    subscribe(receiver)
    f.TopicFactory(slug="water")
    run_due_tasks()
    receiver.answers = [500]
    f.TopicFactory(slug="energy")
    run_due_tasks()
    assert set(Delivery.objects.values_list("state", flat=True)) == {"delivered", "pending"}
    later = timezone.now() + datetime.timedelta(days=webhooks.KEEP_DAYS + 1)
    assert webhooks.prune_deliveries(later) == 1
    assert list(Delivery.objects.values_list("state", flat=True)) == ["pending"]
    assert webhooks.prune_deliveries() == 0
