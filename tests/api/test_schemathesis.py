"""Property-based tests of the live schema with schemathesis.

The schema is the one the app serves at /api/schema/, built by the same generator (at import:
collection may not touch the database). Generated requests go through the WSGI app to every
operation, reads as a reader and writes as an editor with a token. No server error and no
answer that breaks the schema (status code, content type, headers, body) is allowed.

Bounded and deterministic: a fixed seed and number of examples per operation, derandomized, no
deadline (the machine may be busy), no example database. Reads also run schemathesis's
coverage phase (boundary values of every parameter); writes skip it, as it sends hundreds of
bodies per operation. Each example runs in a savepoint rolled back after it, so the run is the
same on SQLite and PostgreSQL.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cmsproject.wsgi import application
from tests.fuzzing import bounded

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

SETTINGS = bounded(25)
# Writes cost more (a transaction, history rows, the workflow): fewer examples each.
WRITE_SETTINGS = bounded(8)


def live_schema(*, coverage: bool) -> schemathesis.BaseSchema:
    raw = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))
    config = schemathesis.Config.from_dict(
        {"seed": 20251103, "phases": {"coverage": {"enabled": coverage}}}
    )
    loaded = schemathesis.openapi.from_dict(raw, config=config)
    loaded.app = application
    return loaded


reads = live_schema(coverage=True).include(method="GET")
writes = live_schema(coverage=False).include(method=["POST", "PUT", "PATCH"])


@pytest.fixture(autouse=True)
def records(world):
    """Published records and drafts to find (tests/api/conftest.py)."""


@pytest.fixture(autouse=True)
def connection_kept_open():
    """The requests go to the WSGI app itself, which closes the database connection after
    each one, as a server should; Django's own test client stops that, and so do we here: on
    PostgreSQL it would close the connection that holds the test's transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@contextmanager
def isolated() -> Iterator[None]:
    """Each generated example in a savepoint rolled back after it: every example starts from
    the same records, and on PostgreSQL a statement an example makes fail cannot leave the
    test's transaction aborted for the examples after it."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@reads.parametrize()
@SETTINGS
def test_reads_conform_to_the_schema(case):
    with isolated():
        case.call_and_validate(checks=CHECKS)


@writes.parametrize()
@WRITE_SETTINGS
def test_editor_writes_conform_to_the_schema(case, editor):
    token, _ = Token.objects.get_or_create(user=editor)
    with isolated():
        case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Token {token.key}"})
