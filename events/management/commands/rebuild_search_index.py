"""python manage.py rebuild_search_index: re-make the search index from published records."""

from django.core.management.base import BaseCommand

from events.search import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index (after bulk loads that bypass signals)."

    def handle(self, *args, **options) -> None:
        total = rebuild_index()
        self.stdout.write(f"Search index rebuilt: {total} published records.")
