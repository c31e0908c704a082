from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Records"

    def ready(self) -> None:
        from sources.ingestion.service import register_source_hook

        from . import dashboard, search  # noqa: F401 (dashboard registers its panel)
        from .linking import index, service

        index.connect_signals()
        search.connect_signals()
        # Every imported source is searched for the names we know.
        register_source_hook(service.sources_hook)
