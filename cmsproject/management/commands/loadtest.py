"""python manage.py loadtest --base URL: readers, an editor, an import and a database restart."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from cmsproject.loadtest import Run, editor, reader, report, restart_database
from events.models import Agreement, Event, Organization, Person


class Command(BaseCommand):
    help = (
        "Load and faults against a running Caravan on loopback (see .ci/load). Exits 1 "
        "unless the run was clean."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--base", required=True, help="e.g. http://127.0.0.1:8010")
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--readers", type=int, default=50)
        parser.add_argument("--restart-db", default="", help="shell command restarting the DB")
        parser.add_argument("--restart-at", type=float, default=25.0)
        parser.add_argument("--articles", type=int, default=200)
        parser.add_argument("--json", help="write the report here too")

    def handle(self, *args, **options) -> None:
        base = options["base"].rstrip("/")
        urls = self._urls()
        token, slug = self._editor()
        run = Run()
        started = time.monotonic()
        deadline = started + options["seconds"]
        threads = [
            threading.Thread(target=reader, args=(run, base, urls, deadline, i), daemon=True)
            for i in range(options["readers"])
        ]
        threads.append(
            threading.Thread(target=editor, args=(run, base, token, slug, deadline), daemon=True)
        )
        folder = tempfile.mkdtemp(prefix="caravan-load-")
        self._write_articles(folder, options["articles"])
        first_import: dict = {}

        def import_during_load() -> None:
            first_import["exit"], first_import["failed"] = self._import(folder)

        importer = threading.Thread(target=import_during_load, daemon=True)
        for thread in [*threads, importer]:
            thread.start()
        if options["restart_db"]:
            time.sleep(options["restart_at"])
            restart_database(run, options["restart_db"], base)
        for thread in threads:
            thread.join(timeout=options["seconds"] + 30)
        importer.join(timeout=300)
        # Files that failed while the database was away are reported, not lost: importing the
        # folder again must bring in every one of them.
        run.import_exit, still_failed = self._import(folder)
        shutil.rmtree(folder, ignore_errors=True)
        summary, clean = report(run, started)
        summary["import_during_load"] = {
            "exit_status": first_import.get("exit"),
            "failed": len(first_import.get("failed", [])),
            "reasons": sorted({r["error"][:80] for r in first_import.get("failed", [])})[:3],
        }
        summary["import_again_failed"] = len(still_failed)
        text = json.dumps(summary, indent=2)
        self.stdout.write(text)
        if options["json"]:
            Path(options["json"]).write_text(text)
        if not clean:
            raise CommandError("The run was not clean (see the report above).")

    def _urls(self) -> list[str]:
        pages = [
            "/",
            "/events/",
            "/people/",
            "/organizations/",
            "/agreements/",
            "/sources/",
            "/search/?q=meeting",
            "/feeds/events/",
            "/events.ics",
            "/sitemap.xml",
            "/api/v1/events/",
            "/api/v1/people/?search=a",
            "/api/v1/agreements/",
            "/api/v1/events/?country=KAZ",
        ]
        for model in (Event, Person, Organization, Agreement):
            for obj in model.objects.published().order_by("?")[:10]:
                pages.append(obj.get_absolute_url())
                api = {
                    "event": "events",
                    "person": "people",
                    "organization": "organizations",
                    "agreement": "agreements",
                }[model._meta.model_name]
                pages.append(f"/api/v1/{api}/{obj.slug}/")
        return pages

    def _editor(self) -> tuple[str, str]:
        user, _ = get_user_model().objects.get_or_create(
            username="load-editor", defaults={"is_staff": True}
        )
        user.groups.add(Group.objects.get(name="Editor"))
        token, _ = Token.objects.get_or_create(user=user)
        event = Event.objects.published().order_by("pk").first()
        if event is None:
            raise CommandError("No published event to work on: load the demo data first.")
        return token.key, event.slug

    def _write_articles(self, folder: str, articles: int) -> None:
        for i in range(articles):
            Path(folder, f"load-{i}.txt").write_text(
                f"Load test article number {i} headline\n\nMinisters met for talks number "
                f"{i} on trade, transport and energy cooperation across the region, "
                f"according to a statement issued after the meeting. Detail {i * 7919}."
            )

    @staticmethod
    def _import(folder: str) -> tuple[int, list[dict]]:
        result = subprocess.run(
            [sys.executable, "manage.py", "import_sources", folder, "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            reports = json.loads(result.stdout)
        except ValueError:
            reports = []
        return result.returncode, [r for r in reports if r.get("status") == "failed"]
