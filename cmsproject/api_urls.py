"""The API's URLs, composed from the apps': /api/v1/<records>/ (one router), the Popolo
export, /api/schema/ and /api/docs/."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

import events.api.urls
import sources.api.urls

from .changes_api import ChangeFeedView

app_name = "api"


@csrf_exempt  # it changes nothing: a PUT to a bad address is a 404, not a CSRF 403 page
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any other address under /api/ (an unknown list, a slug with a dot…): a JSON 404, as the
    API's own, not the site's HTML page, whatever the method."""
    return JsonResponse(
        {"detail": "Nothing is at this API address; the addresses are listed at /api/docs/."},
        status=404,
    )


router = DefaultRouter()
for prefix, viewset, basename in (*events.api.urls.ROUTES, *sources.api.urls.ROUTES):
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("v1/changes/", ChangeFeedView.as_view(), name="changes"),
    path("v1/", include(router.urls)),
    path("v1/", include(events.api.urls.urlpatterns)),
    # The schema and its docs are outside the API's quota: reading the manual must not use up
    # what a client may ask (nor be refused once it is used up).
    path("schema/", SpectacularAPIView.as_view(throttle_classes=[]), name="schema"),
    # The split view loads Swagger UI's start-up script from a URL (/api/docs/?script=), so the
    # page needs no inline script under the Content-Security-Policy; the template drops the
    # inline <style> for a static file.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html", throttle_classes=[]
        ),
        name="docs",
    ),
    # Ends with a slash so that a slash-less address is still redirected (APPEND_SLASH) first;
    # an export address (…/<slug>.csv) that names nothing has no slashed form to go to.
    re_path(r"^.*/$", not_found),
    re_path(r"^v1/.*\.(?:csv|geojson)$", not_found),
]
