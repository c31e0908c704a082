from django.apps import AppConfig


class CmsprojectConfig(AppConfig):
    name = "cmsproject"
    verbose_name = "Caravan"
