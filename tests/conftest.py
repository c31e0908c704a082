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
