"""This app's API endpoints: one route per record type."""

from . import views

# (prefix, viewset, basename): registered on the API's one router (cmsproject/api_urls.py).
ROUTES = [("sources", views.SourceViewSet, "source")]
