"""python manage.py import_sources PATH… [--format json]: ingest article files and folders."""

from __future__ import annotations

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cmsproject.ops.dbstats import ANALYZE_AFTER, refresh_statistics
from sources.ingestion.service import count_files, import_paths, summarise


class Command(BaseCommand):
    help = (
        "Import article files (.txt, .html) and folders as draft sources, cleaned, de-duplicated "
        "and with the known names found in them. Exits with status 1 if any file failed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--user", help="Record the import under this username.")

    def handle(self, *args, **options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user named {options['user']!r}.")
        as_json = options["format"] == "json"
        total = count_files(options["paths"])
        progress = None if as_json or total < 2 else self._progress(total)
        # Each report is written as it comes and forgotten (a JSON array too, item by item):
        # memory stays flat over 100,000 files.
        counts = summarise([])
        total_done = 0
        if as_json:
            self.stdout.write("[", ending="")
        for report in import_paths(options["paths"], user=user, on_progress=progress):
            counts[report.status] += 1
            if as_json:
                item = json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
                self.stdout.write(("," if total_done else "") + "\n" + item, ending="")
            else:
                self._print(report)
            total_done += 1
        if progress:
            sys.stderr.write("\n")
        if counts["created"] + counts["duplicate"] >= ANALYZE_AFTER:
            refresh_statistics()
        if as_json:
            self.stdout.write("\n]" if total_done else "]")
        else:
            self.stdout.write(
                "Imported {total} file(s): {created} created, {duplicate} duplicate, "
                "{unchanged} unchanged, {failed} failed.".format(total=total_done, **counts)
            )
        if counts["failed"]:
            sys.exit(1)

    def _print(self, report) -> None:
        if report.status == "failed":
            self.stdout.write(self.style.ERROR(f"failed     {report.file}: {report.error}"))
            return
        line = f"{report.status:<10} {report.file} → {report.source.slug}"
        if report.source.duplicate_of_id:
            line += f" (copy of {report.source.duplicate_of.slug})"
        if report.mentions:
            line += f" · {len(report.mentions)} mention(s)"
        self.stdout.write(line)

    @staticmethod
    def _progress(total: int):
        width = 30

        def show(done: int) -> None:
            filled = int(width * done / total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stderr.flush()

        return show
