"""django-csp's middleware, with inline styles allowed only where the markup is not ours.

The policy itself is ``CONTENT_SECURITY_POLICY`` in settings; scripts are never inline anywhere.
"""

from __future__ import annotations

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Adds ``'unsafe-inline'`` to style-src under ``CARAVAN_CSP_INLINE_STYLE_PREFIXES``."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(tuple(settings.CARAVAN_CSP_INLINE_STYLE_PREFIXES)):
            update = dict(parts.update or {})
            update["style-src"] = [*update.get("style-src", ()), UNSAFE_INLINE]
            parts.update = update
        return parts
