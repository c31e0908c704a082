"""Webhooks: the change feed pushed to subscribers, signed, in the background, with retries.

A :class:`Webhook` (kept by administrators in the admin) names a URL, a secret and, optionally,
the actions and record types it wants. Each :class:`~cmsproject.changes.Change` it wants
becomes a :class:`Delivery`, written in the change's own transaction (a change rolled back
sends nothing; a change committed is never forgotten), and a job (:mod:`.editorial.jobs`) that
POSTs it. A refused or failed delivery is tried again after 10 s, 20 s, 40 s… (``ATTEMPTS`` in
all); every attempt's answer is kept in the delivery log the admin shows.

The body is JSON: ``{"id", "webhook", "sent_at", "change": {…as /api/v1/changes/ gives it}}``.
Receivers check it came from us with the ``Caravan-Signature`` header, Stripe-style::

    Caravan-Signature: t=1765100000,v1=<hex HMAC-SHA256 of "1765100000." + body, with the secret>

(:func:`signature`). Deliveries may arrive out of order or, after a timeout that was in fact a
success, twice: order by the change's ``cursor``, and use the ``Caravan-Delivery`` id to skip
repeats.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django_tasks import task

from . import outbound
from .changes import Change
from .editorial import jobs
from .editorial.models import author_field

ATTEMPTS = 8  # over about 21 minutes (10 s, 20 s, 40 s … between them)
KEEP_DAYS = 90  # how long the delivery log remembers a finished delivery
TIMEOUT = 10
USER_AGENT = "Caravan-Webhooks/1"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Caravan-Signature`` header's value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


class Webhook(models.Model):
    name = models.CharField(max_length=100, help_text="Who receives it, for the newsroom.")
    url = models.URLField(
        max_length=500,
        help_text="Where each change is POSTed as JSON (https:// on the public internet).",
    )
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text="Shared with the receiver, who checks the Caravan-Signature header with it.",
    )
    active = models.BooleanField(default=True)
    actions = models.CharField(
        max_length=100,
        blank=True,
        help_text="Only these actions, comma-separated (published, changed, withdrawn, "
        "redirected, deleted); blank for all.",
    )
    record_types = models.CharField(
        max_length=200,
        blank=True,
        help_text="Only these record types, comma-separated (event, person, organization, "
        "place, agreement, source…); blank for all.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = author_field()

    class Meta:
        app_label = "cmsproject"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def _listed(text: str) -> set[str]:
        return {part.strip().lower() for part in text.split(",") if part.strip()}

    def clean(self) -> None:
        unknown = self._listed(self.actions) - set(Change.Action.values)
        if unknown:
            raise ValidationError(
                {
                    "actions": f"Unknown: {', '.join(sorted(unknown))}. "
                    f"Use {', '.join(Change.Action.values)}."
                }
            )
        if not self.url.startswith(("http://", "https://")):
            raise ValidationError({"url": "An http:// or https:// address."})

    def wants(self, change: Change) -> bool:
        actions, types = self._listed(self.actions), self._listed(self.record_types)
        return (not actions or change.action in actions) and (
            not types or change.record_type in types
        )


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "pending"
        DELIVERED = "delivered", "delivered"
        FAILED = "failed", "failed"

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    #: the last attempt's answer: its HTTP status (null: no answer) and what went wrong
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    response = models.TextField(blank=True, help_text="The start of the receiver's answer.")
    created_at = models.DateTimeField(default=timezone.now)
    attempted_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    job = models.ForeignKey(
        "cmsproject.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        app_label = "cmsproject"
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.change} → {self.webhook}"

    def body(self) -> bytes:
        origin = settings.CARAVAN_SITE_URL.rstrip("/")
        data = {
            "id": self.pk,
            "webhook": self.webhook.name,
            "sent_at": timezone.now().isoformat().replace("+00:00", "Z"),
            "change": self.change.as_data(origin),
        }
        return json.dumps(data, ensure_ascii=False).encode()


def fan_out(change: Change) -> None:
    """A delivery and its job for each active webhook that wants ``change`` (in the change's
    transaction)."""
    for webhook in Webhook.objects.filter(active=True):
        if not webhook.wants(change):
            continue
        delivery = Delivery.objects.create(webhook=webhook, change=change)
        job = jobs.submit(
            deliver,
            title=f"Webhook {webhook.name}: {change.action} {change.record_type} {change.slug}",
            payload={"delivery": delivery.pk},
            max_attempts=ATTEMPTS,
        )
        Delivery.objects.filter(pk=delivery.pk).update(job=job)


@task()
def deliver(job_id: int) -> str:
    return jobs.work(job_id, _deliver)


class Refused(Exception):
    """The receiver did not take the delivery: tried again later."""


def _deliver(job: jobs.Job) -> dict[str, Any]:
    delivery = Delivery.objects.select_related("webhook", "change").get(pk=job.payload["delivery"])
    if delivery.state == Delivery.State.DELIVERED:
        return {"status": delivery.status_code}
    if not delivery.webhook.active:
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.FAILED, error="Not sent: the webhook was turned off."
        )
        raise jobs.GiveUp("The webhook was turned off.")
    body = delivery.body()
    timestamp = int(time.time())
    request = urllib.request.Request(
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Caravan-Event": delivery.change.action,
            "Caravan-Delivery": str(delivery.pk),
            "Caravan-Signature": signature(delivery.webhook.secret, timestamp, body),
        },
    )
    status, error, answer = None, "", ""
    try:
        opener = outbound.opener(
            allow_private=settings.CARAVAN_WEBHOOKS_PRIVATE_HOSTS, follow_redirects=False
        )
        with opener.open(request, timeout=TIMEOUT) as got:
            status, answer = got.status, got.read(500).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
        answer = exc.read(500).decode("utf-8", "replace") if exc.fp else ""
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        error = f"Could not reach {delivery.webhook.url}: {reason}"
    delivered = status is not None and 200 <= status < 300
    last = job.attempts >= job.max_attempts
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=job.attempts,
        status_code=status,
        error=error,
        response=answer,
        attempted_at=timezone.now(),
        delivered_at=timezone.now() if delivered else None,
        state=(
            Delivery.State.DELIVERED
            if delivered
            else (Delivery.State.FAILED if last else Delivery.State.PENDING)
        ),
    )
    if not delivered:
        raise Refused(error or f"HTTP {status}")
    return {"status": status}


def prune_deliveries(now=None) -> int:
    """Forget finished deliveries after ``KEEP_DAYS`` (the log of a busy subscriber would
    otherwise grow by a row per change for ever); those still being tried stay."""
    now = now or timezone.now()
    deleted, _ = (
        Delivery.objects.filter(created_at__lt=now - datetime.timedelta(days=KEEP_DAYS))
        .exclude(state=Delivery.State.PENDING)
        .delete()
    )
    return deleted


@task()
def prune_delivery_log(job_id: int) -> str:
    return jobs.work(job_id, lambda job: {"deleted": prune_deliveries()})


jobs.every(24 * 60 * 60, prune_delivery_log, title="Forget webhook deliveries past 90 days")
