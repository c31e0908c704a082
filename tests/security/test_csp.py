"""Content-Security-Policy: the header is on every kind of response, scripts are never inline.

The browser's own verdict (no violation reported while pages run) is in
tests/e2e/test_csp_browser.py.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from cmsproject.settings import s3_media_origin
from tests.security.test_production import manage
from tests.site.conftest import world  # noqa: F401  (the same published world)
from tests.site.test_pages import public_urls

STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Script types a browser does not execute: data blocks are allowed inline.
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction"}


def directives(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def assert_scripts_are_never_inline(policy: dict[str, list[str]]) -> None:
    for name in ("script-src", "default-src"):
        assert "'unsafe-inline'" not in policy[name]
        assert "'unsafe-eval'" not in policy[name]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "accept"),
    [
        ("/", "text/html"),
        ("/events/no-such-event/", "text/html"),
        ("/api/v1/events/", "application/json"),
        ("/api/v1/events/", "text/html"),
        ("/api/docs/", "text/html"),
        ("/api/docs/?script=", "*/*"),
        ("/api/schema/", "*/*"),
        ("/healthz", "*/*"),
    ],
)
def test_every_response_carries_the_policy(client, url, accept):
    response = client.get(url, HTTP_ACCEPT=accept)
    assert response.status_code in (200, 404), url
    assert_scripts_are_never_inline(directives(response))


@pytest.mark.django_db
def test_admin_pages_carry_the_policy(client, superuser):
    assert_scripts_are_never_inline(directives(client.get(reverse("admin:login"))))
    client.force_login(superuser)
    policy = directives(client.get(reverse("admin:events_event_changelist")))
    assert_scripts_are_never_inline(policy)
    # The admin's third-party templates carry style="" attributes (see settings).
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/events/", "/search/?q=chengdu", "/api/docs/"])
def test_public_site_and_api_docs_have_the_strict_policy(client, url):
    assert directives(client.get(url)) == STRICT


def test_s3_media_host_is_allowed_for_images():
    code = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = manage(
        "shell",
        "-c",
        code,
        CARAVAN_MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="caravan-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert "https://media.example.org" in result.stdout, result.stderr


@pytest.mark.parametrize(
    ("options", "origin"),
    [
        ({"custom_domain": "cdn.example.org/media"}, "https://cdn.example.org"),
        ({"endpoint_url": "http://127.0.0.1:9000/"}, "http://127.0.0.1:9000"),
        ({"endpoint_url": "https://s3.example.net"}, "https://s3.example.net"),
        ({}, "https://caravan-media.s3.amazonaws.com"),
    ],
)
def test_s3_media_origin_is_where_the_storage_points(options, origin):
    defaults = {"bucket_name": "caravan-media", "custom_domain": None, "endpoint_url": None}
    assert s3_media_origin(defaults | options) == origin


class InlineCode(HTMLParser):
    """Collects what a strict script-src would refuse: inline scripts and handler attributes."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            kind = (attributes.get("type") or "").split(";")[0].strip().lower()
            if kind not in DATA_BLOCK_TYPES:
                self.found.append(f"<script {attrs}> without src")
        for name, value in attrs:
            url = (value or "").strip().lower()
            if name.startswith("on") or (name in URL_ATTRIBUTES and url.startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value!r}>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_scanner_finds_inline_code():
    assert inline_code('<script>alert(1)</script><a onclick="x()">') == [
        "<script []> without src",
        "<a onclick='x()'>",
    ]
    assert inline_code('<script type="application/ld+json">{}</script>') == []
    assert inline_code('<script src="/static/a.js"></script><a href="javascript:x()">') == [
        "<a href='javascript:x()'>"
    ]


def admin_urls() -> list[str]:
    urls = [
        reverse("admin:index"),
        reverse("admin:sources_source_import"),
        reverse("admin:events_event_changelist") + "?status__exact=published",
        reverse("admin:events_event_add") + "?_popup=1",
    ]
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        obj = model._default_manager.first()
        if obj is not None:
            urls.append(reverse(f"{name}_change", args=[obj.pk]))
            if hasattr(model, "history"):
                urls.append(reverse(f"{name}_history", args=[obj.pk]))
    return urls


@pytest.mark.django_db
def test_no_page_has_inline_javascript(client, world, editor, superuser):  # noqa: F811
    pages = {}

    def scan(url: str, **headers) -> None:
        response = client.get(url, **headers)
        if response["Content-Type"].startswith("text/html") and response.status_code != 403:
            pages[url] = inline_code(response.content.decode())

    for url in [*public_urls(world), "/events/no-such-event/", reverse("admin:login")]:
        scan(url)
    scan("/api/docs/")
    # DRF's browsable API, as a reader sees it in a browser
    for url in ["/api/v1/", "/api/v1/events/", f"/api/v1/events/{world['meeting'].slug}/"]:
        scan(url, HTTP_ACCEPT="text/html")
    client.force_login(editor)
    scan(world["draft_event"].get_absolute_url())  # the staff preview, with its banner
    client.force_login(superuser)
    for url in admin_urls():
        scan(url)
    assert len(pages) > 80
    assert {"/api/docs/", "/api/v1/events/", reverse("admin:sources_source_import")} <= set(pages)
    assert {url: found for url, found in pages.items() if found} == {}
