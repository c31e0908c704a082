"""python manage.py benchmark [--json FILE] [--here] [--quick]: measure, report, never assert."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand
from django.db import connection

from cmsproject.benchmark import run, table
from cmsproject.synthetic import Sizes


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
            help="Measure the current database instead of building datasets.",
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
        small_n, large_n = options["small"], options["large"]
        if options["quick"]:
            small_n, large_n = 200, 2000
            options["import_articles"] = min(options["import_articles"], 50)
            options["known_people"] = min(options["known_people"], 500)
            options["repeat"] = min(options["repeat"], 5)
        # The small set is sized so that the first page of every list is full (200 events,
        # 100 people, 100 agreements for 1,000 sources): a ratio then shows what a larger
        # archive costs, not how much fuller a page has become.
        small = Sizes(small_n, max(10, small_n // 5), max(5, small_n // 10), max(2, small_n // 10))
        large = Sizes(large_n, max(10, large_n // 10), max(5, large_n // 20), max(2, large_n // 50))

        def progress(message: str) -> None:
            sys.stderr.write(f"… {message}\n")

        creation = None
        if not options["here"]:
            creation = connection.creation
            old_name = connection.settings_dict["NAME"]
            creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            report = run(
                small=small,
                large=large,
                repeat=options["repeat"],
                here=options["here"],
                import_articles=options["import_articles"],
                known_people=options["known_people"],
                progress=progress,
            )
        finally:
            if creation is not None:
                creation.destroy_test_db(old_name, verbosity=0)
        self.stdout.write(table(report))
        if options["json"]:
            with open(options["json"], "w", encoding="utf-8") as handle:
                json.dump(report.as_dict(), handle, indent=2)
            self.stdout.write(f"Figures written to {options['json']}.")
