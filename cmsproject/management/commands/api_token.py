"""Print the API token of a user, creating it if needed: ``manage.py api_token USERNAME``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print USERNAME's API token (created on first use). Clients send it as "
        "'Authorization: Token <key>'. --reset replaces it, so the old one stops working."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reset", action="store_true", help="Replace the existing token with a new one."
        )

    def handle(self, *args, username, reset=False, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user called {username!r}.") from exc
        if not user.is_active:
            raise CommandError(f"{username!r} is not active; activate the account first.")
        if reset:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
