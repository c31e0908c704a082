"""python manage.py publish_scheduled: publish what is due, withdraw what has expired."""

from django.core.management.base import BaseCommand

from cmsproject.editorial.scheduling import publish_scheduled


class Command(BaseCommand):
    help = (
        "Publish records whose time to go live has come and withdraw those past their expiry "
        "time. Idempotent and safe to run every minute (cron, a worker); two runs at once "
        "change nothing twice."
    )

    def handle(self, *args, **options) -> None:
        run = publish_scheduled()
        for record in run.published:
            self.stdout.write(f"published {record._meta.verbose_name} “{record}” ({record.slug})")
        for record in run.changed:
            self.stdout.write(
                f"published the changes to {record._meta.verbose_name} “{record}” ({record.slug})"
            )
        for record in run.expired:
            self.stdout.write(f"expired {record._meta.verbose_name} “{record}” ({record.slug})")
        self.stdout.write(
            f"{len(run.published)} published, {len(run.changed)} changed, "
            f"{len(run.expired)} expired."
        )
