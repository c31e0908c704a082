"""Whoever comes first, a process serves everyone alike.

A serializer's related-record field or a filter's choices hold a queryset built when its module
is imported. Imported during a reader's request, that queryset would be a reader's for the life
of the process: editors could then name no draft in the API. The server imports them before
any request; this is checked in a fresh process, as a server starts.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.urls import get_resolver
from django_filters import filters as django_filters
from rest_framework import relations, serializers
from cmsproject.editorial.visibility import READERS, viewing_as

WSGIHandler()  # what a server does before its first request
with viewing_as(READERS):  # the first request, a reader's
    get_resolver().url_patterns

def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)

def for_readers(queryset):
    # the audience's condition: published (and not expired), on the record or a joined one
    return "'published'" in str(queryset.query.where)

baked = []
for serializer in subclasses(serializers.Serializer):
    for name, field in getattr(serializer, "_declared_fields", {}).items():
        field = getattr(field, "child_relation", getattr(field, "child", field))
        queryset = getattr(field, "queryset", None)
        if isinstance(field, relations.RelatedField) and queryset is not None:
            if for_readers(queryset):
                baked.append(f"{serializer.__module__}.{serializer.__name__}.{name}")
from django_filters import FilterSet
for filterset in subclasses(FilterSet):
    for name, flt in filterset.declared_filters.items():
        queryset = flt.extra.get("queryset")
        if queryset is not None and not callable(queryset) and for_readers(queryset):
            baked.append(f"{filterset.__module__}.{filterset.__name__}.{name}")
print(json.dumps(baked))
"""


def test_querysets_built_at_import_belong_to_no_reader():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cmsproject.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    baked = json.loads(result.stdout.strip().splitlines()[-1])
    assert baked == [], f"querysets built for a reader at import: {baked}"
