"""python manage.py rebuild_search_index: re-make the search index from published records."""

from django.core.management.base import BaseCommand

from cmsproject.editorial import jobs
from events.search import rebuild_index
from events.tasks import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index (after bulk loads that bypass signals). With "
        "--background the rebuild is queued for a worker (all or nothing there too)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--background", action="store_true", help="queue it for a worker and return"
        )

    def handle(self, *args, background: bool = False, **options) -> None:
        if background:
            job = jobs.submit(rebuild_search_index, title="Rebuild the search index")
            self.stdout.write(f"Queued as job {job.pk}; a worker will rebuild the index.")
            return
        total = rebuild_index()
        self.stdout.write(f"Search index rebuilt: {total} published records.")
