from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources"

    def ready(self) -> None:
        from . import dashboard  # noqa: F401 (registers its panel on the editor's desk)
