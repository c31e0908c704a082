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


class AnonRateThrottle(throttling.AnonRateThrottle):
    def get_ident(self, request) -> str:
        return client_address(request)


class UserRateThrottle(throttling.UserRateThrottle):
    def get_ident(self, request) -> str:
        return client_address(request)
