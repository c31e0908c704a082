"""This app's API endpoints: one route per record type, the Popolo export and the name
resolver."""

from django.urls import path

from . import views
from .popolo import PopoloExportView
from .resolve import ResolveView

# (prefix, viewset, basename): registered on the API's one router (cmsproject/api_urls.py).
ROUTES = [
    ("events", views.EventViewSet, "event"),
    ("people", views.PersonViewSet, "person"),
    ("organizations", views.OrganizationViewSet, "organization"),
    ("places", views.PlaceViewSet, "place"),
    ("agreements", views.AgreementViewSet, "agreement"),
    ("topics", views.TopicViewSet, "topic"),
    ("indicators", views.IndicatorViewSet, "indicator"),
    ("figures", views.FigureViewSet, "figure"),
]

urlpatterns = [
    path("popolo/", PopoloExportView.as_view(), name="popolo"),
    path("resolve/", ResolveView.as_view(), name="resolve"),
]
