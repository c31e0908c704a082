"""The linking index stays in step with the names in the database, across app servers."""

from cmsproject import caching
from cmsproject.editorial.visibility import for_readers
from events.linking.index import get_index
from events.models import Person


def test_a_name_saved_by_another_app_server_is_matched_at_once(db):
    """Each app server keeps its own index; the names counter in the database tells it to
    rebuild when another server has saved a name."""
    before = get_index()
    # What another process does: the row (no signal here) and the counter its signal bumps.
    Person.objects.bulk_create(
        [Person(name="Sapar Isakov", slug="sapar-isakov", status="published")]
    )
    caching.bump(caching.NAMES)
    after = get_index()
    assert after is not before
    assert any(name == "Sapar Isakov" for name, _ in after.names.values())
    assert get_index() is after  # and not rebuilt again while nothing changes


def test_a_readers_request_builds_the_index_with_drafts_for_the_import(db):
    """The index is shared by the import (which links drafts) and readers' paths (which keep
    only what is published): whoever builds it first, drafts are in it."""
    draft = Person.objects.create(name="Aibek Draftov", slug="aibek-draftov", status="draft")
    with for_readers():
        index = get_index()
    assert index.names[("person", draft.pk)] == ("Aibek Draftov", "aibek-draftov")
