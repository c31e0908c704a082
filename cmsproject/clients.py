"""Who is asking: the client's address behind the proxies we trust, and the limits keyed on it
(failed logins, API throttles). One rule for the address, so that a header a client writes
itself can move neither limit."""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from rest_framework import throttling


def client_address(request: HttpRequest) -> str:
    """``REMOTE_ADDR``; with ``DJANGO_PROXY_COUNT`` = n proxies of ours in front, the address
    the outermost of them saw: the n-th from the right of ``X-Forwarded-For`` (each proxy
    appends the address it was called from; whatever a client sends itself stays to the
    left). With no proxy counted (the default), ``X-Forwarded-For`` is not read at all."""
    remote = request.META.get("REMOTE_ADDR") or ""
    count = settings.CARAVAN_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-min(count, len(hops))] if hops else remote


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits: ``AXES_FAILURE_LIMIT`` wrong passwords for one
    account from one address, and ``CARAVAN_LOGIN_ADDRESS_LIMIT`` from one address whatever
    the account names tried (password spraying). A login that succeeds clears only its own
    account's failures, never the address's: one valid account must not reset the count of
    guesses at the others."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        counted = {}
        for parameter, attempts in zip(
            get_lockout_parameters(request, credentials),
            self.get_user_attempts(request, credentials),
            strict=True,
        ):
            key = parameter if isinstance(parameter, str) else "+".join(sorted(parameter))
            total = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            counted[key] = total
        account_limit = settings.AXES_FAILURE_LIMIT
        address_limit = max(settings.CARAVAN_LOGIN_ADDRESS_LIMIT, 1)
        per_account = counted.get("ip_address+username", 0)
        # On the account's scale, so that axes' one comparison (failures >= limit) holds both.
        per_address = counted.get("ip_address", 0) * account_limit // address_limit
        return max(per_account, per_address)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        deleted, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return deleted


class AnnouncedThrottle(throttling.SimpleRateThrottle):
    """A throttle that tells the client its budget: the limit, what is left of it and the
    seconds until the window frees a request, read by :class:`RateLimitHeadersMiddleware`
    (the IETF draft's ``RateLimit-*`` headers), so that a polite client slows down before a
    429 rather than after."""

    def allow_request(self, request, view) -> bool:
        allowed = super().allow_request(request, view)
        if self.rate is None or getattr(self, "key", None) is None or not hasattr(self, "now"):
            return allowed  # this throttle does not apply here (or was not asked: tests)
        remaining = max(0, self.num_requests - len(self.history)) if allowed else 0
        oldest = self.history[-1] if self.history else self.now
        reset = max(1, int(self.duration - (self.now - oldest) + 0.999))
        budget = (self.num_requests, remaining, reset, self.duration)
        underlying = getattr(request, "_request", request)
        known = getattr(underlying, "rate_limit", None)
        if known is None or budget[1] < known[1]:  # the tightest of the throttles applied
            underlying.rate_limit = budget
        return allowed


class AnonRateThrottle(AnnouncedThrottle, throttling.AnonRateThrottle):
    def get_ident(self, request) -> str:
        return client_address(request)


class UserRateThrottle(AnnouncedThrottle, throttling.UserRateThrottle):
    def get_ident(self, request) -> str:
        return client_address(request)


class RateLimitHeadersMiddleware:
    """``RateLimit-Limit``, ``RateLimit-Remaining``, ``RateLimit-Reset`` and
    ``RateLimit-Policy`` on every API answer a throttle counted (the IETF httpapi draft's
    names), a 429 and a 304 included."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        budget = getattr(request, "rate_limit", None)
        if budget is not None:
            limit, remaining, reset, window = budget
            response["RateLimit-Limit"] = str(limit)
            response["RateLimit-Remaining"] = str(remaining)
            response["RateLimit-Reset"] = str(reset)
            response["RateLimit-Policy"] = f"{limit};w={window}"
        return response
