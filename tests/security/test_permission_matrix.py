"""The permission matrix (issue #7, item 8): every role × every admin page, admin write, bulk
action, custom admin view and API operation, each with its exact allowed / denied outcome.

The matrix is generated: the admin half iterates ``admin.site._registry`` (each ModelAdmin's
pages, its ``get_actions`` and its ``get_urls``), the API half the router of
``cmsproject.api_urls``. What a role may do is written here, independently of the code under
test, from what README.md and ``cmsproject/roles.py`` promise:

* anonymous and logged-in non-staff users never get into the admin (302 to the login page) and
  only read published records through the API;
* a Contributor views, adds and changes records of the editorial apps (``sources``,
  ``events``), submits them for review, and sees published records read-only in the admin;
* an Editor may also delete, publish, withdraw and merge;
* a superuser may do everything.

A denied write is checked twice: by its answer (302 to the login page, 403, the action not
offered, a form error) and by the database, which must be exactly as before. An allowed write
must have happened. ``test_the_matrix_covers_everything`` fails when a ModelAdmin, an action, an
admin URL or an API route is added without a row here, so none can be forgotten.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.authtoken.models import Token, TokenProxy
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from cmsproject import api_urls
from cmsproject import urls as root_urls
from cmsproject.changes import Change
from cmsproject.editorial import comments, pending
from cmsproject.editorial.concurrency import version_of
from cmsproject.editorial.jobs import Job
from cmsproject.editorial.models import Publishable, Status
from cmsproject.editorial.redirects import Redirect
from cmsproject.ops.worker import run_due_tasks
from cmsproject.webhooks import Delivery, Webhook
from events import models as ev
from sources import models as src
from tests import factories as f
from tests.api_clients import EditingClient

pytestmark = pytest.mark.django_db

# ---- roles and what each holds -------------------------------------------------------------

ROLES = ("anonymous", "reader", "contributor", "editor", "superuser")
NON_STAFF = ("anonymous", "reader")
EDITORIAL_APPS = {"sources", "events"}
GROUP_OF = {"contributor": "Contributor", "editor": "Editor"}
HELD = {
    "contributor": {"view", "add", "change"},
    "editor": {"view", "add", "change", "delete", "publish", "merge"},
}
# Redirects decide where readers land: Editors keep them, Contributors may look (roles.py).
HELD_REDIRECTS = {"contributor": {"view"}, "editor": {"view", "add", "change", "delete"}}


def may(role: str, model: type[models.Model], perm: str) -> bool:
    """Whether ``role`` holds ``<app>.<perm>_<model>`` (README / roles.py, not the code)."""
    if role == "superuser":
        return True
    if model._meta.label == "cmsproject.Redirect":
        return perm in HELD_REDIRECTS.get(role, set())
    return model._meta.app_label in EDITORIAL_APPS and perm in HELD.get(role, set())


def may_see(role: str, model: type[models.Model]) -> bool:
    return may(role, model, "view") or may(role, model, "change")


# Lists the admin keeps read-only whatever the permissions (said in each ModelAdmin):
# offices and citations are edited on their record's page, suggestions are decided with their
# buttons, login records are written by django-axes.
NO_ADD = {
    "events.Position",
    "sources.Citation",
    "events.Mention",
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
    "cmsproject.Job",
    "cmsproject.Delivery",
}
NO_CHANGE = {"events.Position", "sources.Citation", "cmsproject.Job", "cmsproject.Delivery"}

_seq = itertools.count(1)


def plain_user(username: str | None = None, **kwargs):
    """A user without a usable password: no slow hashing, logged in with force_login."""
    user = get_user_model()(username=username or f"matrix-user-{next(_seq)}", **kwargs)
    user.set_unusable_password()
    user.save()
    return user


def make_user(role: str):
    if role == "anonymous":
        return None
    user = plain_user(
        f"matrix-{role}",
        is_staff=role != "reader",
        is_superuser=role == "superuser",
    )
    if role in GROUP_OF:
        user.groups.set([Group.objects.get(name=GROUP_OF[role])])
    return user


# ---- one sample record of every registered model -------------------------------------------


def _mention(status: str, source_status: str = Status.DRAFT) -> ev.Mention:
    """A person suggested in a source that an event (of ``status``) with that person cites:
    accepting it cites the sentence on the participation."""
    source = f.SourceFactory(status=source_status)
    person = f.PersonFactory(status=status)
    event = f.EventFactory(status=status)
    f.ParticipationFactory(event=event, person=person)
    src.Citation.objects.create(source=source, record=event, excerpt="foreign ministers met")
    return ev.Mention.objects.create(
        source=source,
        kind=ev.Mention.Kind.PERSON,
        content_type=ContentType.objects.get_for_model(person),
        object_id=person.pk,
        text="foreign ministers",
        start=4,
        end=21,
        sentence="The foreign ministers met in Chengdu on 1 December.",
    )


def _cited(mention: ev.Mention) -> bool:
    """Whether accepting ``mention`` cited its sentence on the event's participation."""
    return src.Citation.objects.filter(
        source=mention.source, claim="participation", excerpt=mention.sentence
    ).exists()


def _access(model):
    def make(status: str):
        extra = {"get_data": "", "post_data": "", "failures_since_start": 1}
        return model.objects.create(
            user_agent="matrix",
            ip_address="10.0.0.1",
            username="someone",
            http_accept="*/*",
            path_info="/admin/login/",
            **(extra if model is AccessAttempt else {}),
        )

    return make


MAKERS: dict[str, Callable[[str], models.Model]] = {
    "auth.Group": lambda status: Group.objects.create(name=f"Matrix desk {next(_seq)}"),
    "auth.User": lambda status: plain_user(),
    "authtoken.TokenProxy": lambda status: TokenProxy.objects.create(user=plain_user()),
    "axes.AccessAttempt": _access(AccessAttempt),
    "axes.AccessLog": _access(AccessLog),
    "axes.AccessFailureLog": _access(AccessFailureLog),
    "cmsproject.Job": lambda status: Job.objects.create(
        task_path="cmsproject.tasks.x", title="A job"
    ),
    "sources.Outlet": lambda status: f.OutletFactory(status=status),
    "sources.Source": lambda status: f.SourceFactory(status=status),
    "sources.Citation": lambda status: f.CitationFactory(),
    "sources.Feed": lambda status: src.Feed.objects.create(
        outlet=f.OutletFactory(status=status), url=f"https://feeds.example.org/{next(_seq)}.xml"
    ),
    "events.Organization": lambda status: f.OrganizationFactory(status=status),
    "events.Place": lambda status: f.PlaceFactory(status=status),
    "events.Person": lambda status: f.PersonFactory(status=status),
    "events.Position": lambda status: f.PositionFactory(),
    "events.EventSeries": lambda status: f.EventSeriesFactory(status=status),
    "events.Event": lambda status: f.EventFactory(status=status),
    "events.Agreement": lambda status: f.AgreementFactory(status=status),
    "events.Topic": lambda status: f.TopicFactory(status=status),
    "events.Indicator": lambda status: f.IndicatorFactory(status=status),
    "events.Figure": lambda status: f.FigureFactory(status=status),
    "events.Mention": _mention,
    "cmsproject.Redirect": lambda status: Redirect.objects.create(
        old_path=f"/matrix-old-{next(_seq)}/", target_path="/events/"
    ),
    "cmsproject.Webhook": lambda status: Webhook.objects.create(
        name=f"Matrix hook {next(_seq)}", url="https://hooks.example.org/caravan"
    ),
    "cmsproject.Delivery": lambda status: Delivery.objects.create(
        webhook=Webhook.objects.create(name="Matrix", url="https://hooks.example.org/"),
        change=f.TopicFactory() and Change.objects.latest("seq"),
    ),
}

# What the add form needs on top of its defaults, per model whose admin has an add page.
ADD_DATA: dict[str, Callable[[], dict]] = {
    "cmsproject.Webhook": lambda: {
        **{"name": "Matrix partner", "url": "https://hooks.example.org/new", "active": "on"},
        **{"actions": "", "record_types": "", "secret": "matrix-secret"},
    },
    "cmsproject.Redirect": lambda: {
        **{"old_path": "/matrix-new-path/", "target_path": "/events/", "reason": "manual"}
    },
    "auth.Group": lambda: {"name": "Matrix new desk"},
    "auth.User": lambda: {"username": "matrix-new-user", "usable_password": "false"},
    "authtoken.TokenProxy": lambda: {"user": plain_user().pk},
    "sources.Outlet": lambda: {
        **{"name": "Matrix Outlet", "slug": "matrix-new", "kind": "wire"},
        **{"country_code": "KAZ", "language": "en"},
    },
    "sources.Source": lambda: {
        **{"title": "Matrix source", "slug": "matrix-new", "outlet": f.OutletFactory().pk},
        **{"published_on": "2024-01-01", "language": "en", "body": "Text of the article."},
        "summary": "What the article reports, in our words.",
    },
    "sources.Feed": lambda: {
        **{"outlet": f.OutletFactory().pk, "url": "https://feeds.example.org/matrix-new.xml"},
        **{"title": "Matrix feed", "poll_every_minutes": "30"},
    },
    "events.Organization": lambda: {"name": "Matrix Org", "slug": "matrix-new", "kind": "igo"},
    "events.Place": lambda: {
        **{"name": "Matrix City", "slug": "matrix-new"},
        **{"country": f.StateFactory().pk},
    },
    "events.Person": lambda: {"name": "Matrix Person", "slug": "matrix-new"},
    "events.EventSeries": lambda: {"name": "Matrix series", "slug": "matrix-new"},
    "events.Event": lambda: {
        **{"title": "Matrix meeting", "slug": "matrix-new", "kind": "ministerial"},
        **{"start_date": "2024-05-01"},
    },
    "events.Agreement": lambda: {
        "title": "Matrix statement",
        "slug": "matrix-new",
        "kind": "joint_statement",
    },
    "events.Topic": lambda: {"name": "Matrix topic", "slug": "matrix-new"},
    "events.Indicator": lambda: {"name": "Matrix indicator", "slug": "matrix-new", "unit": "USD"},
    "events.Figure": lambda: {
        **{"indicator": f.IndicatorFactory().pk, "party": f.StateFactory().pk},
        **{"period_start": "2023-01-01", "period_end": "2023-12-31"},
        **{"value": "1000", "unit": "USD", "slug": "matrix-new"},
    },
}

# The text field a change POST edits (and a revert restores), per model with an editable form.
EDIT_FIELD = {
    "cmsproject.Webhook": "name",
    "cmsproject.Redirect": "note",
    "auth.Group": "name",
    "auth.User": "first_name",
    "sources.Outlet": "description",
    "sources.Source": "summary",
    "sources.Feed": "title",
    "events.Organization": "description",
    "events.Place": "description",
    "events.Person": "biography",
    "events.EventSeries": "name",
    "events.Event": "summary",
    "events.Agreement": "summary",
    "events.Topic": "description",
    "events.Indicator": "description",
    "events.Figure": "note",
}
EDITED = "Edited by the permission matrix"


def registered() -> list[tuple[str, type[models.Model], admin.ModelAdmin]]:
    return sorted(
        ((m._meta.label, m, ma) for m, ma in admin.site._registry.items()), key=lambda t: t[0]
    )


def is_publishable(model) -> bool:
    return issubclass(model, Publishable)


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def object_id(obj) -> object:
    # The token admin addresses a token by its user's id.
    return obj.user_id if isinstance(obj, TokenProxy) else obj.pk


def snapshot() -> dict[str, list[dict]]:
    """Every row of every registered model (and of users' groups): what a denied request must
    leave exactly as it was."""
    rows = {
        label: list(model._default_manager.order_by("pk").values())
        for label, model, _ in registered()
    }
    rows["auth.User.groups"] = list(get_user_model().groups.through.objects.order_by("pk").values())
    return rows


# ---- what a browser posts back from a form -------------------------------------------------


def form_fields(form: forms.BaseForm) -> dict:
    data: dict = {}
    for name, fld in form.fields.items():
        bound = form[name]
        key, value, widget = bound.html_name, bound.value(), fld.widget
        if isinstance(fld, forms.FileField) or fld.disabled:
            continue
        if isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list | tuple) else widget.decompress(value)
            for suffix, sub, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
                data[key + suffix] = "" if part is None else sub.format_value(part)
        elif isinstance(fld, forms.NullBooleanField):
            data[key] = {None: "unknown", True: "true", False: "false"}[value]
        elif isinstance(fld, forms.BooleanField):
            if value:
                data[key] = "on"
        elif value is None:
            data[key] = (
                []
                if isinstance(fld, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
                else ""
            )
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        else:
            shown = widget.format_value(value)
            data[key] = shown if shown is not None else ""
    return data


def admin_form_data(model_admin, superuser, obj=None) -> dict:
    """The add (``obj`` None) or change form as the admin renders it, with its inlines'
    management forms and rows, as the superuser sees it: a role's POST is that form."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    if obj is None:
        form_class = model_admin.get_form(request, None, change=False)
        form = form_class(initial=model_admin.get_changeform_initial_data(request))
        formsets, _ = model_admin._create_formsets(request, model_admin.model(), change=False)
    else:
        form = model_admin.get_form(request, obj, change=True)(instance=obj)
        formsets, _ = model_admin._create_formsets(request, obj, change=True)
    data = form_fields(form)
    for formset in formsets:
        data.update(form_fields(formset.management_form))
        for row in formset.forms:
            data.update(form_fields(row))
    return data


def form_errors(response) -> object:
    context = getattr(response, "context", None)
    if not context or "adminform" not in context:
        return response.content[:2000]
    errors = {"form": context["adminform"].form.errors}
    for inline in context.get("inline_admin_formsets", []):
        errors[inline.formset.prefix] = inline.formset.errors
    return errors


# ---- one admin case ------------------------------------------------------------------------


@dataclass
class AdminCase:
    role: str
    label: str
    model: type[models.Model]
    model_admin: admin.ModelAdmin
    client: object
    superuser: object = None
    user: object = None

    def make(self, status: str = Status.DRAFT) -> models.Model:
        return MAKERS[self.label](status)

    def may(self, perm: str, model=None) -> bool:
        return may(self.role, model or self.model, perm)

    @property
    def staff(self) -> bool:
        return self.role not in NON_STAFF

    def sent_to_login(self, response) -> None:
        assert response.status_code == 302, (response.status_code, response.content[:500])
        assert response["Location"].startswith(reverse("admin:login")), response["Location"]

    def refused(self, response, before, *, allowed: bool, status: int = 403) -> bool:
        """Checks a refusal (the answer, and nothing changed); says whether it was allowed."""
        if not self.staff:
            self.sent_to_login(response)
        elif not allowed:
            assert response.status_code == status, (response.status_code, form_errors(response))
        else:
            return False
        assert snapshot() == before, "a refused request changed the database"
        return True


def refresh(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def get_page(case: AdminCase, view: str) -> None:
    obj = None if view in ("changelist", "add") else case.make()
    url = admin_url(case.model, view, *([object_id(obj)] if obj else []))
    allowed = {
        "changelist": may_see(case.role, case.model),
        "change": may_see(case.role, case.model),
        "history": may_see(case.role, case.model),
        "add": case.may("add") and case.label not in NO_ADD,
        "delete": case.may("delete"),
    }[view]
    before = snapshot()
    response = case.client.get(url)
    if not case.refused(response, before, allowed=allowed):
        assert response.status_code == 200, response.content[:500]
        assert snapshot() == before, "a GET changed the database"


def post_add(case: AdminCase, variant: str) -> None:
    data = {}
    if case.label not in NO_ADD:
        data = {**admin_form_data(case.model_admin, case.superuser), **ADD_DATA[case.label]()}
    if variant == "add_published":
        data["status"] = Status.PUBLISHED
    manager = case.model._default_manager
    old = set(manager.values_list("pk", flat=True))
    before = snapshot()
    response = case.client.post(admin_url(case.model, "add"), data)
    allowed = case.may("add") and case.label not in NO_ADD
    if case.refused(response, before, allowed=allowed):
        return
    if variant == "add_published" and not case.may("publish"):
        # The status is refused in the form (it is not even offered): nothing is saved.
        assert response.status_code == 200
        assert "status" in response.context["adminform"].form.errors
        assert snapshot() == before
        return
    assert response.status_code == 302, form_errors(response)
    (new,) = manager.exclude(pk__in=old)
    if variant == "add_published":
        assert new.status == Status.PUBLISHED and new.published_at is not None
    elif is_publishable(case.model):
        assert new.status == Status.DRAFT


CHANGE_STATUS = {
    "change": Status.DRAFT,
    "change_published": Status.PUBLISHED,
    "change_to_published": Status.REVIEW,
}


def post_change(case: AdminCase, variant: str) -> None:
    obj = case.make(CHANGE_STATUS[variant])
    data = admin_form_data(case.model_admin, case.superuser, obj)
    edit = EDIT_FIELD.get(case.label)
    if edit:
        data[edit] = EDITED
    if variant == "change_to_published":
        data["status"] = Status.PUBLISHED
    allowed = case.may("change") and case.label not in NO_CHANGE
    before = snapshot()
    response = case.client.post(admin_url(case.model, "change", object_id(obj)), data)
    if case.refused(response, before, allowed=allowed):
        return
    if variant == "change_published" and not case.may("publish"):
        # A Contributor's change to a published record is kept pending; live, nothing moved.
        assert response.status_code == 302, form_errors(response)
        assert snapshot() == before, "a proposal changed the live record"
        revision = pending.open_revision(obj)
        assert revision is not None and revision.created_by == case.user
        if edit:
            assert pending.decode(case.model, revision.snapshot).values[edit] == EDITED
        return
    if variant == "change_to_published" and not case.may("publish"):
        assert response.status_code == 200
        # "published" is not even offered to them: the form refuses it as a choice.
        assert "status" in response.context["adminform"].form.errors
        assert snapshot() == before
        return
    assert response.status_code == 302, form_errors(response)
    stored = refresh(obj)
    if edit:
        assert getattr(stored, edit) == EDITED
    if variant == "change_to_published":
        assert stored.status == Status.PUBLISHED and stored.published_at is not None


def post_delete(case: AdminCase, _: str) -> None:
    obj = case.make()
    before = snapshot()
    response = case.client.post(admin_url(case.model, "delete", object_id(obj)), {"post": "yes"})
    if not case.refused(response, before, allowed=case.may("delete")):
        assert response.status_code == 302, response.content[:500]
        assert refresh(obj) is None


def post_revert(case: AdminCase, variant: str) -> None:
    """Revert to an old revision (django-simple-history's form): a change like any other."""
    published = variant == "revert_published"
    obj = case.make(Status.PUBLISHED if published else Status.DRAFT)
    edit = EDIT_FIELD[case.label]
    old = getattr(obj, edit)
    setattr(obj, edit, "Changed after the first revision")
    obj.save()
    version = obj.history.order_by("history_date", "history_id").first()
    request = RequestFactory().get("/admin/")
    request.user = case.superuser
    form_class = case.model_admin.get_form(request, version.instance)
    data = form_fields(form_class(instance=version.instance))
    data["loaded_version"] = version_of(refresh(obj))
    opts = case.model._meta
    url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, version.pk]
    )
    allowed = case.may("change") and (not published or case.may("publish"))
    before = snapshot()
    response = case.client.post(url, data)
    if not case.refused(response, before, allowed=allowed):
        assert response.status_code == 302, form_errors(response)
        assert getattr(refresh(obj), edit) == old


# ---- changelist actions --------------------------------------------------------------------


@dataclass
class ActionSpec:
    """A bulk action: the permissions it needs (``perm`` on the model, or ``app.Model:perm``),
    the status its records start in, how many, what else is posted, and what it does."""

    perms: tuple[str, ...]
    effect: Callable[[list], bool]
    status: str = Status.DRAFT
    count: int = 1
    extra: Callable[[list], dict] = field(default=lambda objs: {})


def _status_is(target: str) -> Callable[[list], bool]:
    return lambda objs: all(refresh(o).status == target for o in objs)


def _decision_is(decision: str) -> Callable[[list], bool]:
    return lambda objs: all(refresh(o).decision == decision for o in objs)


ACTIONS: dict[str, ActionSpec] = {
    "delete_selected": ActionSpec(
        ("delete",),
        lambda objs: all(refresh(o) is None for o in objs),
        extra=lambda o: {"post": "yes"},
    ),
    "submit_for_review": ActionSpec(("change",), _status_is(Status.REVIEW)),
    "return_to_draft": ActionSpec(("change",), _status_is(Status.DRAFT), status=Status.REVIEW),
    "publish": ActionSpec(("publish",), _status_is(Status.PUBLISHED), status=Status.REVIEW),
    "withdraw": ActionSpec(("publish",), _status_is(Status.WITHDRAWN), status=Status.PUBLISHED),
    "merge_duplicates": ActionSpec(
        ("merge",),
        lambda objs: refresh(objs[0]) is not None and refresh(objs[1]) is None,
        count=2,
        extra=lambda objs: {"post": "yes", "keep": objs[0].pk},
    ),
    # Deciding on a suggestion adds a citation: it needs sources.add_citation.
    "accept_selected": ActionSpec(
        ("change", "sources.Citation:add"), _decision_is(ev.Mention.Decision.ACCEPTED)
    ),
    "reject_selected": ActionSpec(
        ("change", "sources.Citation:add"), _decision_is(ev.Mention.Decision.REJECTED)
    ),
    # A feed read now: its reading is queued (a job the worker runs).
    "poll_now": ActionSpec(("change",), lambda objs: all(refresh(o).last_job_id for o in objs)),
    # django-axes: removes expired login records; ours has none, so it only has to be allowed.
    "cleanup_expired_attempts": ActionSpec(("change",), lambda objs: refresh(objs[0]) is not None),
}


def spec_allows(case: AdminCase, spec: ActionSpec) -> bool:
    for perm in spec.perms:
        label, _, codename = perm.rpartition(":")
        if not case.may(codename, apps.get_model(label) if label else None):
            return False
    return True


def post_action(case: AdminCase, name: str) -> None:
    spec = ACTIONS[name]
    objs = [case.make(spec.status) for _ in range(spec.count)]
    url = admin_url(case.model, "changelist")
    allowed = spec_allows(case, spec)
    refusal = 302
    if case.staff and may_see(case.role, case.model):
        # Offered in the changelist exactly when allowed.
        form = case.client.get(url).context["action_form"]  # None: no action at all
        choices = form.fields["action"].choices if form is not None else []
        assert (name in [value for value, _ in choices]) == allowed, choices
        if not choices:
            refusal = 200  # a list without actions ignores the posted one and shows itself
    data = {
        "action": name,
        "select_across": "0",
        ACTION_CHECKBOX_NAME: [str(o.pk) for o in objs],
        **spec.extra(objs),
    }
    before = snapshot()
    response = case.client.post(url, data)
    if not may_see(case.role, case.model) and case.staff:
        # Without access to the list, the list (and its actions) answers 403.
        assert case.refused(response, before, allowed=False)
        return
    # With access, a refused action is not offered: Django answers "No action selected" with a
    # redirect, the workflow refuses it record by record; either way nothing changes.
    if case.refused(response, before, allowed=allowed, status=refusal):
        return
    assert response.status_code == 302, form_errors(response)
    assert spec.effect(objs), f"{name} did not do its work"


# ---- the custom admin views (get_urls) -----------------------------------------------------

ARTICLE = "\n\n".join(
    [
        "Kazakhstan and China agree on new matrix subcommittees",
        "Chinese Foreign Minister Wang Yi arrived in Astana on Monday for an official visit and "
        "held talks with Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu.",
        "The two ministers signed a protocol creating new subcommittees on agriculture and on "
        "innovation within the intergovernmental cooperation committee of the two states.",
    ]
).encode()


def view_import(case: AdminCase) -> None:
    url = reverse("admin:sources_source_import")
    allowed = case.may("add", src.Source)
    before = snapshot()
    response = case.client.get(url)
    if not case.refused(response, before, allowed=allowed):
        assert response.status_code == 200
    upload = SimpleUploadedFile("matrix.txt", ARTICLE, content_type="text/plain")
    before = snapshot()
    response = case.client.post(url, {"files": [upload]})
    if not case.refused(response, before, allowed=allowed):
        assert response.status_code == 302  # to the import's page
        run_due_tasks()
        assert case.client.get(response["Location"]).status_code == 200
        source = src.Source.objects.get(title__startswith="Kazakhstan and China agree")
        assert source.status == Status.DRAFT and source.created_by == case.user


def view_import_job(case: AdminCase) -> None:
    """An import's page (its progress, then its report): for those who may import."""
    from sources.tasks import submit_import

    job = submit_import([("matrix.txt", ARTICLE)], user=case.superuser)
    run_due_tasks()
    url = reverse("admin:sources_source_import_job", args=[job.pk])
    before = snapshot()
    response = case.client.get(url)
    if not case.refused(response, before, allowed=case.may("add", src.Source)):
        assert response.status_code == 200
        assert "1 created" in response.content.decode()


def view_mention(decision: str) -> Callable[[AdminCase], None]:
    def check(case: AdminCase) -> None:
        mention = _mention(Status.DRAFT)
        url = reverse(f"admin:events_mention_{decision}", args=[mention.pk])
        allowed = case.may("add", src.Citation)
        before = snapshot()
        response = case.client.get(url)  # a decision is a POST
        if not case.refused(response, before, allowed=False, status=405):
            raise AssertionError("a GET decided on a suggestion")
        citations = src.Citation.objects.count()
        before = snapshot()
        response = case.client.post(url)
        if not case.refused(response, before, allowed=allowed):
            assert response.status_code == 302
            expected = "accepted" if decision == "accept" else "rejected"
            assert refresh(mention).decision == expected
            assert refresh(mention).decided_by == case.user
            assert src.Citation.objects.count() == citations + (decision == "accept")

    return check


def view_password_change(case: AdminCase) -> None:
    victim = plain_user()
    url = reverse("admin:auth_user_password_change", args=[victim.pk])
    allowed = case.may("change", get_user_model())
    before = snapshot()
    response = case.client.get(url)
    if not case.refused(response, before, allowed=allowed):
        assert response.status_code == 200
    password = "Matrix-pass-phrase-2024!"
    before = snapshot()
    response = case.client.post(
        url, {"password1": password, "password2": password, "usable_password": "true"}
    )
    if not case.refused(response, before, allowed=allowed):
        assert response.status_code == 302, form_errors(response)
        assert refresh(victim).check_password(password)


def with_pending_changes(case: AdminCase) -> models.Model:
    """A published record with pending changes proposed by the superuser."""
    obj = case.make(Status.PUBLISHED)
    edit = EDIT_FIELD.get(case.label)

    def save():
        if edit:
            setattr(obj, edit, EDITED)
        obj.save()

    pending.SavePendingChanges(obj, user=case.superuser, save=save).execute()
    return obj


def view_preview(case: AdminCase) -> None:
    obj = with_pending_changes(case)
    url = admin_url(case.model, "preview", object_id(obj))
    before = snapshot()
    response = case.client.get(url)
    if not case.refused(response, before, allowed=may_see(case.role, case.model), status=404):
        assert response.status_code in (200, 404), response.content[:500]  # 404: no public page
        if response.status_code == 200:
            assert b"preview-banner" in response.content
        assert snapshot() == before, "a preview changed the database"


def view_discard_changes(case: AdminCase) -> None:
    obj = with_pending_changes(case)
    url = admin_url(case.model, "discard_changes", object_id(obj))
    before = snapshot()
    response = case.client.get(url)
    if not case.refused(response, before, allowed=may_see(case.role, case.model), status=404):
        assert response.status_code == 200
    # Only the author or an Editor discards: a Contributor's refusal is said on the page.
    response = case.client.post(url)
    allowed = case.may("publish")
    if not case.refused(
        response, before, allowed=allowed, status=404 if not may_see(case.role, case.model) else 400
    ):
        assert response.status_code == 302
        assert pending.open_revision(obj) is None
    else:
        assert pending.open_revision(obj) is not None


def view_add_comment(case: AdminCase) -> None:
    """Whoever sees a record in the admin may comment on it; nobody else, nothing written."""
    obj = case.make()
    url = admin_url(case.model, "add_comment", object_id(obj))
    count = comments.Comment.objects.count()
    before = snapshot()
    response = case.client.post(url, {"text": "A question from the matrix"})
    if not case.refused(response, before, allowed=may_see(case.role, case.model), status=404):
        assert response.status_code == 302
        mine = comments.comments_on(obj).get()
        assert (mine.text, mine.created_by) == ("A question from the matrix", case.user)
    else:
        assert comments.Comment.objects.count() == count


def view_resolve_comment(case: AdminCase) -> None:
    """The superuser's comment: resolved by an Editor (or its author), nobody else."""
    obj = case.make()
    comment = comments.AddComment(obj, user=case.superuser, text="Check the date").execute()
    url = admin_url(case.model, "resolve_comment", object_id(obj), comment.pk)
    seen = may_see(case.role, case.model)
    before = snapshot()
    response = case.client.post(url)
    allowed = seen and case.may("publish")
    if not case.refused(response, before, allowed=allowed, status=403 if seen else 404):
        assert response.status_code == 302
        assert refresh(comment).resolved_by == case.user
    else:
        assert refresh(comment).resolved_at is None


def custom_view(name: str) -> Callable[[AdminCase], None]:
    for suffix, check in (
        ("_preview", view_preview),
        ("_discard_changes", view_discard_changes),
        ("_add_comment", view_add_comment),
        ("_resolve_comment", view_resolve_comment),
    ):
        if name.endswith(suffix) and name not in CUSTOM_VIEWS:
            return check
    return CUSTOM_VIEWS[name]


CUSTOM_VIEWS: dict[str, Callable[[AdminCase], None]] = {
    "sources_source_import": view_import,
    "sources_source_import_job": view_import_job,
    "events_mention_accept": view_mention("accept"),
    "events_mention_reject": view_mention("reject"),
    "auth_user_password_change": view_password_change,
}
STANDARD_VIEWS = ("changelist", "add", "history", "delete", "change")


def custom_url_names(model, model_admin) -> list[str]:
    opts = model._meta
    standard = {f"{opts.app_label}_{opts.model_name}_{v}" for v in STANDARD_VIEWS}
    # django-simple-history's revert view: the revert cases below.
    standard.add(f"{opts.app_label}_{opts.model_name}_simple_history")
    return [p.name for p in model_admin.get_urls() if p.name and p.name not in standard]


def action_names(model_admin) -> list[str]:
    """Every action the ModelAdmin has, as a superuser sees them (no database needed)."""
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    return sorted(model_admin.get_actions(request))


# ---- the admin matrix ----------------------------------------------------------------------


def admin_operations(label, model, model_admin) -> list[str]:
    ops = [f"get:{view}" for view in STANDARD_VIEWS]
    ops += ["post:add", "post:change", "post:delete"]
    if is_publishable(model):
        ops += ["post:add_published", "post:change_published", "post:change_to_published"]
        ops += ["post:revert", "post:revert_published"]
    ops += [f"action:{name}" for name in action_names(model_admin)]
    ops += [f"view:{name}" for name in custom_url_names(model, model_admin)]
    return ops


def admin_cases() -> list:
    cases = []
    for label, model, model_admin in registered():
        for op in admin_operations(label, model, model_admin):
            for role in ROLES:
                cases.append(pytest.param(role, label, op, id=f"{role}-{label}-{op}"))
    return cases


HANDLERS: dict[str, Callable[[AdminCase, str], None]] = {
    "get": get_page,
    "action": post_action,
    "view": lambda case, name: custom_view(name)(case),
}
POSTS: dict[str, Callable[[AdminCase, str], None]] = {
    "add": post_add,
    "add_published": post_add,
    "change": post_change,
    "change_published": post_change,
    "change_to_published": post_change,
    "delete": post_delete,
    "revert": post_revert,
    "revert_published": post_revert,
}


def start(role: str, label: str, client) -> AdminCase:
    model = apps.get_model(label)
    superuser = make_user("superuser") if role != "superuser" else None
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    return AdminCase(
        role=role,
        label=label,
        model=model,
        model_admin=admin.site._registry[model],
        client=client,
        superuser=superuser or user,
        user=user,
    )


@pytest.mark.parametrize("role, label, op", admin_cases())
def test_admin(role, label, op, client):
    case = start(role, label, client)
    kind, name = op.split(":", 1)
    if kind == "post":
        POSTS[name](case, name)
    else:
        HANDLERS[kind](case, name)


@pytest.mark.parametrize("decision", ["accept", "accept_selected"])
def test_contributor_cannot_cite_a_published_record_by_accepting_a_suggestion(client, decision):
    """A published source citing a published person: readers would see it at once."""
    start("contributor", "events.Mention", client)
    mention = _mention(Status.PUBLISHED, source_status=Status.PUBLISHED)
    person = mention.record
    before = snapshot()
    if decision == "accept":
        response = client.post(reverse("admin:events_mention_accept", args=[mention.pk]))
    else:
        response = client.post(
            admin_url(ev.Mention, "changelist"),
            {"action": decision, "select_across": "0", ACTION_CHECKBOX_NAME: [mention.pk]},
        )
    assert response.status_code in (302, 403)
    assert not _cited(mention), "a contributor cited a published record"
    assert snapshot() == before
    # On the person's own page the same contributor may only propose it, for an Editor.
    page = client.get(admin_url(ev.Person, "change", person.pk))
    assert page.context["pending"] == {"revision": None, "may_publish": False, "may_propose": True}


def test_contributor_accepts_a_suggestion_in_a_draft_source_unseen_by_readers(client):
    """A draft source's citation of a published person is the Contributor's to make: readers
    see it only when an Editor publishes the source."""
    start("contributor", "events.Mention", client)
    mention = _mention(Status.PUBLISHED)
    person = mention.record
    response = client.post(reverse("admin:events_mention_accept", args=[mention.pk]))
    assert response.status_code == 302
    assert _cited(mention)
    client.logout()
    page = client.get(person.get_absolute_url())
    assert mention.source.title not in page.content.decode()


# ---- the admin site's own views ------------------------------------------------------------

SITE_EXEMPT = {
    # Logging in and out is what every role may do; their pages are not permission checks.
    "login": "the login page",
    "logout": "logging out",
    "password_change_done": "a static page after password_change",
    "jsi18n": "the admin's JavaScript translations",
}


def site_operations() -> list[str]:
    ops = ["index", "view_on_site", "password_change", "activity", "activity_csv", "scheduled"]
    ops += [f"app_list:{app}" for app in sorted({m._meta.app_label for m in admin.site._registry})]
    for _, model, model_admin in registered():
        owners = [(model, model_admin), *((i.model, i) for i in model_admin.inlines)]
        for owner, options in owners:
            for name in options.autocomplete_fields:
                ops.append(f"autocomplete:{owner._meta.label}.{name}")
    return sorted(set(ops))


@pytest.mark.parametrize(
    "role, op", [pytest.param(r, op, id=f"{r}-{op}") for op in site_operations() for r in ROLES]
)
def test_admin_site(role, op, client):
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    kind, _, arg = op.partition(":")
    params: dict = {}
    expected = 200
    if kind == "index":
        url = reverse("admin:index")
    elif kind == "password_change":
        url = reverse("admin:password_change")
    elif kind in ("activity", "activity_csv"):
        url = reverse("admin-activity")
        params = {"format": "csv"} if kind == "activity_csv" else {}
    elif kind == "scheduled":
        url = reverse("admin-scheduled")
    elif kind == "app_list":
        url = reverse("admin:app_list", args=[arg])
        app_models = [m for m in admin.site._registry if m._meta.app_label == arg]
        perms = ("view", "add", "change", "delete")
        if not any(may(role, m, p) for m in app_models for p in perms):
            expected = 404  # Django shows no page for an app the user has nothing in
    elif kind == "view_on_site":
        event = f.EventFactory(slug="matrix-event")
        ct = ContentType.objects.get_for_model(event)
        url = reverse("admin:view_on_site", args=[ct.pk, event.pk])
        expected = 302
    else:
        owner_label, field_name = arg.rsplit(".", 1)
        owner = apps.get_model(owner_label)
        remote = owner._meta.get_field(field_name).remote_field.model
        url = reverse("admin:autocomplete")
        params = {
            "term": "",
            "app_label": owner._meta.app_label,
            "model_name": owner._meta.model_name,
            "field_name": field_name,
        }
        if not may_see(role, remote):
            expected = 403
    before = snapshot()
    response = client.get(url, params)
    assert snapshot() == before
    if role in NON_STAFF:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        return
    assert response.status_code == expected, response.content[:500]
    if kind == "view_on_site":
        assert response["Location"].endswith("/events/matrix-event/")


# ---- the API -------------------------------------------------------------------------------


@dataclass
class ApiSpec:
    model: type[models.Model]
    make: Callable[[str], models.Model]
    create: Callable[[], dict]
    edit: str


API: dict[str, ApiSpec] = {
    "events": ApiSpec(
        ev.Event,
        lambda s: f.EventFactory(status=s),
        lambda: {"title": "Matrix meeting", "kind": "ministerial", "start_date": "2025-04-26"},
        "summary",
    ),
    "people": ApiSpec(
        ev.Person,
        lambda s: f.PersonFactory(status=s),
        lambda: {"name": "Matrix Person"},
        "biography",
    ),
    "organizations": ApiSpec(
        ev.Organization,
        lambda s: f.OrganizationFactory(status=s),
        lambda: {"name": "Matrix Union", "kind": "igo"},
        "description",
    ),
    "places": ApiSpec(
        ev.Place,
        lambda s: f.PlaceFactory(status=s),
        lambda: {"name": "Matrix City", "country": f.StateFactory().slug},
        "description",
    ),
    "agreements": ApiSpec(
        ev.Agreement,
        lambda s: f.AgreementFactory(status=s),
        lambda: {"title": "Matrix Declaration", "kind": "declaration"},
        "summary",
    ),
    "sources": ApiSpec(
        src.Source,
        lambda s: f.SourceFactory(status=s),
        lambda: {
            **{"title": "Matrix report", "outlet": f.OutletFactory().slug, "body": "Text."},
            "summary": "What it reports.",
        },
        "summary",
    ),
    "topics": ApiSpec(
        ev.Topic,
        lambda s: f.TopicFactory(status=s),
        lambda: {"name": "Matrix topic"},
        "description",
    ),
    "indicators": ApiSpec(
        ev.Indicator,
        lambda s: f.IndicatorFactory(status=s),
        lambda: {"name": "Matrix indicator", "unit": "USD"},
        "description",
    ),
    "figures": ApiSpec(
        ev.Figure,
        lambda s: f.FigureFactory(status=s),
        lambda: {
            **{"indicator": f.IndicatorFactory().slug, "party": f.StateFactory().slug},
            **{"period_start": "2023-01-01", "period_end": "2023-12-31"},
            **{"value": "1000", "unit": "USD"},
        },
        "note",
    ),
}

API_OPERATIONS = (
    "list",
    "list_drafts",
    "retrieve_published",
    "retrieve_draft",
    "create",
    "create_published",
    "put",
    "patch",
    "patch_published",
    "submit",
    "publish",
    "withdraw",
    "delete",
)
# The router's actions, and the operations above that exercise each.
API_ACTIONS = {
    "list": ("list", "list_drafts"),
    "retrieve": ("retrieve_published", "retrieve_draft"),
    "create": ("create", "create_published"),
    "update": ("put",),
    "partial_update": ("patch", "patch_published", "submit", "publish", "withdraw"),
    "destroy": ("delete",),  # not routed to a view: 405 for everyone
}


@pytest.fixture
def roomy_throttle(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "10000/min", "user": None})


def api_client(user) -> APIClient:
    client = EditingClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def writes(role: str) -> int | None:
    """The refusal of any write for roles without model permissions (None: may write)."""
    return {"anonymous": 401, "reader": 403}.get(role)


@pytest.mark.parametrize(
    "role, endpoint, op",
    [
        pytest.param(r, e, op, id=f"{r}-{e}-{op}")
        for e in sorted(API)
        for op in API_OPERATIONS
        for r in ROLES
    ],
)
def test_api(role, endpoint, op, roomy_throttle):
    spec = API[endpoint]
    user = make_user(role)
    client = api_client(user)
    root = api_client(make_user("superuser") if role != "superuser" else user)
    published = spec.make(Status.PUBLISHED)
    draft = spec.make(Status.DRAFT)
    base = f"/api/v1/{endpoint}/"
    editor_rights = role not in NON_STAFF
    manager = spec.model._default_manager
    count = manager.count()
    created_payload = spec.create() if op.startswith("create") else None
    before = snapshot()

    def refused(response, status: int) -> None:
        assert response.status_code == status, (response.status_code, response.content[:500])
        assert snapshot() == before, "a refused API request changed the database"

    if op == "list":
        response = client.get(base)
        assert response.status_code == 200
        found = [row["slug"] for row in response.json()["results"]]
        assert published.slug in found and draft.slug not in found
    elif op == "list_drafts":
        response = client.get(base, {"status": "all"})
        if not editor_rights:
            refused(response, 400)
        else:
            assert response.status_code == 200
            assert draft.slug in [row["slug"] for row in response.json()["results"]]
    elif op == "retrieve_published":
        response = client.get(f"{base}{published.slug}/")
        assert response.status_code == 200 and response.json()["slug"] == published.slug
    elif op == "retrieve_draft":
        response = client.get(f"{base}{draft.slug}/")
        if not editor_rights:
            refused(response, 404)
        else:
            assert response.status_code == 200 and response.json()["status"] == Status.DRAFT
    elif op in ("create", "create_published"):
        payload = dict(created_payload)
        if op == "create_published":
            payload["status"] = Status.PUBLISHED
        response = client.post(base, payload, format="json")
        if writes(role):
            refused(response, writes(role))
        elif op == "create_published" and not may(role, spec.model, "publish"):
            refused(response, 403)
            assert "only Editors may publish" in str(response.json())
        else:
            assert response.status_code == 201, response.json()
            assert manager.count() == count + 1
            new = manager.get(slug=response.json()["slug"])
            assert new.status == payload.get("status", Status.DRAFT)
            assert new.created_by == user
    elif op in ("put", "patch", "patch_published"):
        target = published if op == "patch_published" else draft
        url = f"{base}{target.slug}/"
        if op == "put":
            body = root.get(url).json()
            body[spec.edit] = EDITED
            response = client.put(url, body, format="json")
        else:
            response = client.patch(url, {spec.edit: EDITED}, format="json")
        if writes(role):
            refused(response, writes(role))
        elif op == "patch_published" and not may(role, spec.model, "publish"):
            # As in the admin: a Contributor's change to a published record is kept as its
            # pending changes (202) for an Editor to publish; readers keep the live version.
            assert response.status_code == 202, response.content[:500]
            assert snapshot() == before, "a proposal changed the live record"
            revision = pending.open_revision(published)
            assert pending.decode(spec.model, revision.snapshot).values[spec.edit] == EDITED
        else:
            assert response.status_code == 200, response.json()
            stored = refresh(target)
            assert getattr(stored, spec.edit) == EDITED and stored.status == target.status
    elif op in ("submit", "publish", "withdraw"):
        target, wanted = {
            "submit": (draft, Status.REVIEW),
            "publish": (draft, Status.PUBLISHED),
            "withdraw": (published, Status.WITHDRAWN),
        }[op]
        response = client.patch(f"{base}{target.slug}/", {"status": wanted}, format="json")
        needs = "change" if op == "submit" else "publish"
        if writes(role):
            refused(response, writes(role))
        elif not may(role, spec.model, needs):
            refused(response, 403)
        else:
            assert response.status_code == 200, response.json()
            assert refresh(target).status == wanted
            assert refresh(target).history.latest().history_user == user
    elif op == "delete":
        refused(client.delete(f"{base}{published.slug}/"), 405)
    else:
        raise AssertionError(f"no check for {op}")


@pytest.mark.parametrize("role", ROLES)
def test_api_popolo_export_is_read_only_for_everyone(role, roomy_throttle):
    client = api_client(make_user(role))
    f.PersonFactory(status=Status.PUBLISHED, name="Matrix Published")
    f.PersonFactory(status=Status.DRAFT, name="Matrix Hidden")
    response = client.get(reverse("api:popolo"))
    assert response.status_code == 200
    names = [p["name"] for p in response.json()["persons"]]
    assert "Matrix Published" in names and "Matrix Hidden" not in names
    before = snapshot()
    assert client.post(reverse("api:popolo"), {}, format="json").status_code == 405
    assert snapshot() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_change_feed_is_read_only_for_everyone_and_tells_no_draft(role, roomy_throttle):
    client = api_client(make_user(role))
    f.TopicFactory(status=Status.PUBLISHED, slug="matrix-published")
    f.TopicFactory(status=Status.DRAFT, slug="matrix-hidden")
    response = client.get(reverse("api:changes"))
    assert response.status_code == 200
    told = [c["slug"] for c in response.json()["results"]]
    assert "matrix-published" in told and "matrix-hidden" not in told
    before = snapshot()
    assert client.post(reverse("api:changes"), {}, format="json").status_code == 405
    assert snapshot() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_resolver_is_read_only_and_names_published_people_only(role, roomy_throttle):
    client = api_client(make_user(role))
    f.PersonFactory(status=Status.PUBLISHED, name="Matrix Resolvable")
    f.PersonFactory(status=Status.DRAFT, name="Hidden Resolvable")
    response = client.get(reverse("api:resolve"), {"name": "Resolvable"})
    assert response.status_code == 200
    assert [r["person"]["name"] for r in response.json()["results"]] == ["Matrix Resolvable"]
    before = snapshot()
    assert client.post(reverse("api:resolve"), {}, format="json").status_code == 405
    assert snapshot() == before


# ---- nothing left out ----------------------------------------------------------------------

API_EXEMPT = {
    "api:schema": "the OpenAPI document: public, read-only (tests/api/test_schema.py)",
    "api:docs": "the Swagger page: public, read-only",
}


def test_the_matrix_covers_everything():
    missing = []
    covered_admin = {p.values[1] for p in admin_cases()}
    for label, model, model_admin in registered():
        if label not in covered_admin:
            missing.append(f"admin {label}: not in the matrix")
        if label not in MAKERS:
            missing.append(f"admin {label}: no sample record in MAKERS")
        if label not in NO_ADD and label not in ADD_DATA:
            missing.append(f"admin {label}: its add page needs ADD_DATA")
        if label not in NO_CHANGE | EDIT_FIELD.keys() and _editable_fields(model_admin):
            missing.append(f"admin {label}: choose the field a change edits in EDIT_FIELD")
        for name in action_names(model_admin):
            if name not in ACTIONS:
                missing.append(f"admin {label}: action {name} has no ActionSpec")
        for name in custom_url_names(model, model_admin):
            try:
                custom_view(name)
            except KeyError:
                missing.append(f"admin {label}: view {name} is not checked")
        if is_publishable(model) and label not in EDIT_FIELD:
            missing.append(f"admin {label}: a revert needs a field in EDIT_FIELD")
    site_names = {p.name for p in admin.site.get_urls() if getattr(p, "name", None)}
    checked = {op.split(":")[0] for op in site_operations()} | {"autocomplete", "app_list"}
    for name in sorted(site_names - checked - set(SITE_EXEMPT)):
        missing.append(f"admin site view {name} is not checked")
    for pattern in root_urls.urlpatterns:
        name = getattr(pattern, "name", None)
        checked_pages = ("admin-activity", "admin-scheduled")
        if str(pattern.pattern).startswith("admin/") and name and name not in checked_pages:
            missing.append(f"admin page {pattern.name} is not checked")

    registry = {prefix: viewset for prefix, viewset, _ in api_urls.router.registry}
    if set(registry) != set(API):
        missing.append(f"API routes {sorted(set(registry) ^ set(API))} are not in API")
    for prefix, viewset in registry.items():
        routed = {"list", "retrieve", "create", "update", "partial_update", "destroy"}
        present = {name for name in routed if hasattr(viewset, name)}
        for name in present - set(API_ACTIONS):
            missing.append(f"API {prefix}: {name} is not checked")
        if hasattr(viewset, "destroy"):
            missing.append(f"API {prefix}: destroy exists; the matrix expects 405")
        for extra in viewset.get_extra_actions():
            missing.append(f"API {prefix}: extra action {extra.__name__} is not checked")
    assert set(itertools.chain(*API_ACTIONS.values())) == set(API_OPERATIONS)
    names = set(_api_view_names(api_urls.urlpatterns))
    checked_views = {"popolo", "changes", "resolve"}
    for name in sorted(names - checked_views - {n.split(":")[1] for n in API_EXEMPT}):
        missing.append(f"API view {name} is not checked")
    assert not missing, "\n".join(missing)


def _api_view_names(patterns):
    """The names of the API's views, in the apps' included URL lists too (not the router's
    routes, checked above by viewset)."""
    from django.urls import URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.url_patterns is not api_urls.router.urls:
                yield from _api_view_names(pattern.url_patterns)
        elif getattr(pattern, "name", None):
            yield pattern.name


def _editable_fields(model_admin) -> bool:
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    try:
        form_class = model_admin.get_form(request, None, change=True)
    except Exception:  # a form that needs an object: assume it has fields
        return True
    return any(
        isinstance(fld, forms.CharField) and not fld.disabled
        for name, fld in form_class.base_fields.items()
        if name != "loaded_version"
    )
