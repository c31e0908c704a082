"""Create a local administrator for development and say how to log in (never in production)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "caravan-admin"


class Command(BaseCommand):
    help = "Create the local development admin account (admin / caravan-admin) if missing."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a development admin with DJANGO_DEBUG=0. "
                "Use `python manage.py createsuperuser` in production."
            )
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  user {USERNAME}  password "
                f"{PASSWORD if created or user.check_password(PASSWORD) else '(changed by you)'}"
            )
        )
