"""python manage.py worker: work the background task queue (and keep the clock)."""

from django.core.management.base import BaseCommand

from cmsproject.ops.worker import run_worker


class Command(BaseCommand):
    help = (
        "Run a background worker: imports, index rebuilds, scheduled publishing, feed polling. "
        "Uses the queue the settings choose (the database, or RQ with REDIS_URL). Start as many "
        "as you need, on any machine that reaches the database (and Redis)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then stop."
        )
        parser.add_argument(
            "--no-clock",
            action="store_false",
            dest="clock",
            help="Do not submit periodic work from this worker (another one does).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks at an empty database queue (default 1).",
        )

    def handle(self, *args, batch: bool, clock: bool, interval: float, **options) -> None:
        run_worker(batch=batch, clock=clock, interval=interval)
