"""The API's URLs: /api/v1/<records>/ (one router), /api/schema/ and /api/docs/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from events.api import views as events
from sources.api import views as sources

app_name = "api"

router = DefaultRouter()
router.register("events", events.EventViewSet, basename="event")
router.register("people", events.PersonViewSet, basename="person")
router.register("organizations", events.OrganizationViewSet, basename="organization")
router.register("places", events.PlaceViewSet, basename="place")
router.register("agreements", events.AgreementViewSet, basename="agreement")
router.register("sources", sources.SourceViewSet, basename="source")
router.register("topics", events.TopicViewSet, basename="topic")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
