"""python manage.py benchmark [--json FILE] [--here] [--quick]: measure, report, never assert."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from cmsproject.ops.benchmark import run_benchmark, table


class Command(BaseCommand):
    help = (
        "Measure every public page and API endpoint on a small and a large dataset built "
        "for the run (in a throwaway database), search, import throughput and memory."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", metavar="FILE", help="Also write the figures as JSON.")
        parser.add_argument(
            "--here",
            action="store_true",
            help=(
                "Measure the current database instead of building datasets (its cold reads "
                "move the content version, as a publish does: readers' caches start again)."
            ),
        )
        parser.add_argument(
            "--quick", action="store_true", help="Small sizes (a smoke run): 200 and 2,000 sources."
        )
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--small", type=int, default=1000, help="sources in the small set")
        parser.add_argument("--large", type=int, default=100_000, help="sources in the large set")
        parser.add_argument("--import-articles", type=int, default=500)
        parser.add_argument("--known-people", type=int, default=5000)

    def handle(self, *args, **options) -> None:
        report = run_benchmark(
            small_sources=options["small"],
            large_sources=options["large"],
            quick=options["quick"],
            here=options["here"],
            repeat=options["repeat"],
            import_articles=options["import_articles"],
            known_people=options["known_people"],
            progress=lambda message: sys.stderr.write(f"… {message}\n"),
        )
        self.stdout.write(table(report))
        if options["json"]:
            with open(options["json"], "w", encoding="utf-8") as handle:
                json.dump(report.as_dict(), handle, indent=2)
            self.stdout.write(f"Figures written to {options['json']}.")
