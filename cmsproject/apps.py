from django.apps import AppConfig


class CmsprojectConfig(AppConfig):
    name = "cmsproject"
    verbose_name = "Caravan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import caching

        caching.connect_signals()
