"""Load the demo dataset: China and Central Asia, 2020–2025 (idempotent)."""

from django.core.management.base import BaseCommand

from cmsproject.ops.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo dataset (states, people, C+C5 meetings, agreements, sources). Safe to run "
        "again: only records that are missing or differ from the demo data are written."
    )

    def handle(self, *args, **options) -> None:
        result = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo data: {result.summary()}"))
