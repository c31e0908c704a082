"""The API's shared base: visibility, pagination, filters, status changes, ETags, errors.

Every viewset in ``events/api`` and ``sources/api`` is a :class:`RecordViewSet`, so the rules
live here once, a module per concern:

* visibility — readers (anonymous, or without editor rights) see published records only:
  the visibility layer (:mod:`cmsproject.editorial.visibility`) decides under every query,
  related records and citations shown inside a record included. Lists show
  published records unless an editor asks for others with ``?status=draft,review`` or
  ``?status=all``; a reader who asks gets a 400 (:mod:`.filters`).
* :mod:`.views` — writes follow model permissions (DRF's ``DjangoModelPermissions``); a change
  of ``status`` is an action (:mod:`cmsproject.editorial.actions`), so a contributor cannot
  publish (403, nothing saved). Records are never deleted through the API: editors withdraw
  them. Detail responses carry an ``ETag`` (a hash of the representation) and
  ``Last-Modified``; ``If-None-Match`` / ``If-Modified-Since`` answer 304, a stale
  ``If-Match`` on PUT/PATCH 412.
* :mod:`.filters` — a bad filter value or an unknown query parameter is a 400 naming the
  parameter.
* :mod:`.pagination`, :mod:`.export` (``?format=csv``, ``?format=geojson``), :mod:`.errors`
  (the exception handler named in settings), :mod:`.serializers` (the base of every record's
  serializer).
"""

from cmsproject.editorial.filtering import (
    CodeOrSlugChoiceField,
    SlugChoiceField,
    SlugFilter,
    StateFilter,
    YearFilter,
    visible_choices,
)

from .errors import PreconditionFailed, StatusChangeRefused, exception_handler
from .export import (
    FORMAT_PARAMETER,
    CSVExportMixin,
    CSVRenderer,
    GeoJSONExportMixin,
    flatten,
    link_name,
)
from .fields import BlankAsNullURLField, RecordLink, RecordLinkExtension, VisibleChildList
from .filters import STATUS_HELP, FilterBackend, OrderingFilter, RecordFilterSet
from .pagination import MAX_PAGE_SIZE, PAGE_SIZE, Pagination
from .serializers import RecordSerializer, sync_children
from .views import RecordViewSet, check_status_change, conditional_response, etag_of
from .visibility import absolute_url, api_detail_url, is_schema_generation

__all__ = [
    "FORMAT_PARAMETER",
    "MAX_PAGE_SIZE",
    "PAGE_SIZE",
    "STATUS_HELP",
    "BlankAsNullURLField",
    "CSVExportMixin",
    "CSVRenderer",
    "CodeOrSlugChoiceField",
    "FilterBackend",
    "GeoJSONExportMixin",
    "OrderingFilter",
    "Pagination",
    "PreconditionFailed",
    "RecordFilterSet",
    "RecordLink",
    "RecordLinkExtension",
    "RecordSerializer",
    "RecordViewSet",
    "SlugChoiceField",
    "SlugFilter",
    "StateFilter",
    "StatusChangeRefused",
    "VisibleChildList",
    "YearFilter",
    "absolute_url",
    "api_detail_url",
    "check_status_change",
    "conditional_response",
    "etag_of",
    "exception_handler",
    "flatten",
    "is_schema_generation",
    "link_name",
    "sync_children",
    "visible_choices",
]
