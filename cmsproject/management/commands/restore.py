"""python manage.py restore PATH [--force]: load a backup made by `backup`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cmsproject.ops.backup import RestoreIncomplete, RestoreRefused, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup into an empty database (or, with --force, replace everything in "
        "this one). All or nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Empty this database first (everything in it is lost).",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        try:
            expected = restore_backup(path, force=options["force"])
        except (RestoreRefused, RestoreIncomplete) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Restored {sum(expected.values())} rows from {path}.")
