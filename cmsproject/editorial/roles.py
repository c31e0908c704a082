"""The newsroom's two groups and what each may do.

*Contributor*: view, add and change records (drafts), and submit them for review.
*Editor*: everything a contributor may, plus publish, withdraw and delete.

A migration creates the groups; after every ``migrate`` their permissions are brought up to date,
so a record type added later is covered without a hand-written migration.
"""

from __future__ import annotations

from django.db.models.signals import post_migrate

from .registry import editorial_app_labels

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
CONTRIBUTOR_ACTIONS = ("view", "add", "change")
EDITOR_ACTIONS = (*CONTRIBUTOR_ACTIONS, "delete", "publish", "merge")


def sync_groups(apps=None, **kwargs) -> None:
    """Create the groups if needed and give them the permissions of every editorial model."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    from django.db.models import Q

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Redirects decide where readers land: Editors keep them, Contributors may look.
    redirect = Q(content_type__app_label="cmsproject", content_type__model="redirect")
    perms = list(
        Permission.objects.filter(Q(content_type__app_label__in=editorial_app_labels()) | redirect)
    )

    def wanted(actions: tuple[str, ...], *, redirects: tuple[str, ...]) -> list:
        return [
            p
            for p in perms
            if p.codename.split("_", 1)[0]
            in (redirects if p.codename.endswith("_redirect") else actions)
        ]

    contributor, _ = Group.objects.get_or_create(name=CONTRIBUTOR)
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    contributor.permissions.set(wanted(CONTRIBUTOR_ACTIONS, redirects=("view",)))
    editor.permissions.set(wanted(EDITOR_ACTIONS, redirects=("view", "add", "change", "delete")))


def _after_migrate(sender, app_config=None, **kwargs) -> None:
    # After each editorial app (the permissions of its models exist by then).
    if app_config is not None and app_config.label in (*editorial_app_labels(), "cmsproject"):
        sync_groups()


def connect_signals() -> None:
    post_migrate.connect(_after_migrate, dispatch_uid="caravan-sync-groups")
