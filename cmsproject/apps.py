from django.apps import AppConfig


class CmsprojectConfig(AppConfig):
    name = "cmsproject"
    verbose_name = "Caravan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import caching, changes, tasks  # noqa: F401 (tasks registers the periodic work)
        from .editorial import notifications, redirects, rights, roles

        caching.connect_signals()
        changes.connect_signals()
        roles.connect_signals()
        rights.connect_signals()
        redirects.connect_signals()
        notifications.connect_signals()
