from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Records"

    def ready(self) -> None:
        from sources.ingestion.service import register_source_hook

        from . import dashboard, search, tasks  # noqa: F401 (dashboard registers its panel)
        from .linking import index, service, settling

        index.connect_signals()
        search.connect_signals()
        # Suggestions an editor's work answers (a participant added) are marked accepted.
        settling.connect()
        # Every imported source is searched for the names we know.
        register_source_hook(service.sources_hook)
