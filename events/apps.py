from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Records"

    def ready(self) -> None:
        from cmsproject import roles

        roles.connect_signals()
