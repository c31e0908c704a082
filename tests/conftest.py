from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from . import factories

# Hypothesis's own files (schemathesis and the input fuzzing) go under var/, ignored by git,
# not into a .hypothesis/ folder in the checkout.
set_hypothesis_home_dir(Path(__file__).resolve().parents[1] / "var" / "hypothesis")


@pytest.fixture
def contributor(db):
    return factories.contributor(username="carla")


@pytest.fixture
def editor(db):
    return factories.editor(username="edith")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests-9")


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Passwords in tests are hashed with a fast hasher: the production one (PBKDF2, a million
    rounds) costs 0.4 s a hash here, and most tests create a user or two and log them in.
    Logging in, password checks and changes behave the same with either hasher."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches (the content version restarts with each test's
    database, so a cached page of one test must not be served to the next)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo dataset loaded once for a whole module of read-only tests: loading it takes
    seconds, so each test of the module reads the same rows. Each test still runs in its own
    transaction (a savepoint inside this one), and the load is rolled back after the module,
    so no other module sees it."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
