"""python manage.py generate_data --sources N --events N --people N --agreements N --seed S"""

import sys
import time

from django.core.management.base import BaseCommand

from cmsproject.ops.synthetic import Sizes, generate


class Command(BaseCommand):
    help = (
        "Add a synthetic dataset (every relation filled, aliases, citations, mentions, a "
        "mix of statuses) for benchmarks. Bulk inserts; memory stays flat."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--sources", type=int, default=1000)
        parser.add_argument("--events", type=int, default=100)
        parser.add_argument("--people", type=int, default=50)
        parser.add_argument("--agreements", type=int, default=20)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options) -> None:
        sizes = Sizes(
            options["sources"], options["events"], options["people"], options["agreements"]
        )
        done: dict[str, int] = {}
        started = time.monotonic()

        def progress(label: str, n: int) -> None:
            done[label] = done.get(label, 0) + n
            sys.stderr.write(
                f"\r{label:<15} {done[label]:>9,} rows  ({time.monotonic() - started:5.1f} s)"
            )
            sys.stderr.flush()

        made = generate(sizes, seed=options["seed"], progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(
            "Generated {sources:,} sources, {events:,} events, {people:,} people, "
            "{agreements:,} agreements in {t:.1f} s.".format(t=time.monotonic() - started, **made)
        )
