"""Template tags of the admin: the editor's desk."""

from __future__ import annotations

from django import template

from cmsproject.editorial import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_panels(context) -> list[dashboard.Panel]:
    return dashboard.panels(context["request"])


#: The apps whose tables editors work in; the rest (accounts, tokens, login attempts) are the
#: site's technical tables, shown folded away below them.
EDITORIAL_APPS = ("events", "sources", "cmsproject")


@register.simple_tag
def desk_apps(app_list: list[dict]) -> dict[str, list[dict]]:
    return {
        "records": [a for a in app_list if a["app_label"] in EDITORIAL_APPS],
        "technical": [a for a in app_list if a["app_label"] not in EDITORIAL_APPS],
    }
