"""The OpenAPI schema (zero warnings) and the interactive docs, served without a CDN."""

import re

from django.core.management import call_command


def test_schema_generates_without_warnings(db, tmp_path):
    # --fail-on-warn turns any drf-spectacular warning (an untyped field, an enum collision,
    # an undescribed filter) into an error; --validate checks it against the OpenAPI spec.
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "s.yml"))


def test_schema_is_served(anon, db):
    response = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for name in ("events", "people", "organizations", "places", "agreements", "sources", "topics"):
        assert f"/api/v1/{name}/" in schema["paths"]
        assert f"/api/v1/{name}/{{slug}}/" in schema["paths"]


def test_every_filter_is_described(anon, db):
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path, operations in schema["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["in"] != "query":
                continue
            assert parameter.get("description"), f"{path} ?{parameter['name']} is undescribed"


def test_docs_are_served_by_the_project(anon, db):
    response = anon.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert assets, html
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not served by the project"
    assert "/static/drf_spectacular_sidecar/" in html
