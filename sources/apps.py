from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources"

    def ready(self) -> None:
        from . import dashboard, tasks  # noqa: F401 (the desk panel; the app's tasks)
