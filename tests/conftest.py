import pytest

from . import factories


@pytest.fixture
def contributor(db):
    return factories.contributor(username="carla")


@pytest.fixture
def editor(db):
    return factories.editor(username="edith")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests-9")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches (the content version restarts with each test's
    database, so a cached page of one test must not be served to the next)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
