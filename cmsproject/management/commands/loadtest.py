"""python manage.py loadtest --base URL: readers, an editor, an import and a database restart."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cmsproject.ops.loadtest import NothingToEdit, load_test


class Command(BaseCommand):
    help = (
        "Load and faults against a running Caravan on loopback (see .ci/load). Exits 1 "
        "unless the run was clean."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--base",
            required=True,
            action="append",
            help="an app server, e.g. http://127.0.0.1:8010; repeat for several",
        )
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--readers", type=int, default=50)
        parser.add_argument("--restart-db", default="", help="shell command restarting the DB")
        parser.add_argument("--restart-at", type=float, default=25.0)
        parser.add_argument("--articles", type=int, default=200)
        parser.add_argument(
            "--editors", type=int, default=1, help="editors saving at once, each on its event"
        )
        parser.add_argument(
            "--import-via",
            choices=["admin", "command"],
            default="admin",
            help="upload through the admin (done by the worker) or run import_sources",
        )
        parser.add_argument(
            "--restart-worker", default="", help="shell command: kill -9 and restart the worker"
        )
        parser.add_argument("--restart-redis", default="", help="shell command restarting Redis")
        parser.add_argument("--redis-restart-at", type=float, default=40.0)
        parser.add_argument("--json", help="write the report here too")

    def handle(self, *args, **options) -> None:
        try:
            summary, clean = load_test(
                options["base"],
                seconds=options["seconds"],
                readers=options["readers"],
                restart_db=options["restart_db"],
                restart_at=options["restart_at"],
                articles=options["articles"],
                editors=options["editors"],
                import_via=options["import_via"],
                restart_worker=options["restart_worker"],
                restart_redis=options["restart_redis"],
                redis_restart_at=options["redis_restart_at"],
            )
        except NothingToEdit as exc:
            raise CommandError(str(exc)) from None
        text = json.dumps(summary, indent=2)
        self.stdout.write(text)
        if options["json"]:
            Path(options["json"]).write_text(text)
        if not clean:
            raise CommandError("The run was not clean (see the report above).")
