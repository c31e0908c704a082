"""python manage.py backup PATH: records, history, accounts and media in one zip file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cmsproject.ops.backup import make_backup


class Command(BaseCommand):
    help = (
        "Write a backup (records, history, accounts, media) to PATH (a .zip file): one "
        "consistent snapshot, taken while editors go on writing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        if path.is_dir():
            raise CommandError(f"{path} is a folder; give a file name such as backup.zip.")
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")

        def progress(table: str, rows: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {table}: {rows} rows")

        written = make_backup(path, progress=progress)
        total = sum(written.values())
        self.stdout.write(f"Backup written to {path}: {total} rows in {len(written)} tables.")
