"""Every way the framework offers to put a page live, tried on a page under review.

The review invariant is enforced where publishing happens (publication.py), so these tests switch
the path guards off (the guarded admin API actions of patches/admin_api_actions.py, the before_*
hooks in wagtail_hooks.py): they are friendly early refusals, not the guarantee. Each path is
taken from the framework's own registry — the admin API's action table, the page bulk-action
registry, wagtail-localize's admin URLs — and a path registered later fails
`test_every_*_is_classified` until it is added here.

The page under review was published once with approved text (APPROVED) and now waits at 终审
with a new text (IN_REVIEW). After each path: no live page anywhere shows IN_REVIEW, and the page
shows APPROVED or nothing.
"""

from contextlib import suppress

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import TestCase
from django.urls import resolve, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.publishing.publication import (
    UnreviewedPublication,
    sanctioned_publication,
)
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import FULL_CHECKLIST, act, approve_all, fresh, submit

pytestmark = OFFICE_PER_MODULE

APPROVED = "办事指南：已审核发布的文本"
IN_REVIEW = "办事指南：尚在终审的文本"


@pytest.fixture
def office(small_office):
    return small_office


def pages_endpoint():
    """The view set the admin API serves its page actions with."""
    return resolve("/admin/api/main/pages/1/action/publish/").func.cls


@pytest.fixture
def without_path_guards(monkeypatch):
    """Wagtail's own admin API actions and no moderation before_* hooks: only the invariant."""
    monkeypatch.setattr(pages_endpoint(), "actions", PagesAdminAPIViewSet.actions)
    for name in list(hooks._hooks):
        if name.startswith("before_"):
            kept = [
                (fn, order)
                for fn, order in hooks._hooks[name]
                if fn.__module__ != "disclosure.moderation.wagtail_hooks"
            ]
            monkeypatch.setitem(hooks._hooks, name, kept)


@pytest.fixture
def under_review(office, without_path_guards):
    """A live item (APPROVED, through a full run) whose next text waits at 终审."""
    users = office["users"]
    page = ServiceGuidePageFactory(
        parent=office["columns"][0],
        title=APPROVED,
        slug="under-review",
        live=False,
        owner=users["editor"],
    )
    submit(page, users["editor"])
    page = approve_all(page, users)
    assert page.live and page.title == APPROVED
    page.title = IN_REVIEW
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    assert fresh(page).current_workflow_task.name == "终审"
    return fresh(page)


def assert_only_approved_text_is_live(page):
    assert not Page.objects.live().filter(title=IN_REVIEW).exists()
    current = Page.objects.filter(pk=page.pk).first()
    if current is not None and current.live:
        assert current.specific.title == APPROVED


def finish_the_run(page, users):
    """The run still publishes exactly what it reviewed."""
    page = Page.objects.filter(pk=page.pk).first()
    if page is None or not page.specific.workflow_in_progress:
        return
    act(page, users["leader"], "approve")
    page = fresh(page)
    assert page.live and page.title == IN_REVIEW


# The admin API's page actions (PagesAdminAPIViewSet.actions) → the data posted.
def api_action_data(office, page):
    column = office["columns"][1]
    first = page.revisions.order_by("created_at", "pk").first()
    return {
        "publish": {},
        "unpublish": {},
        "delete": {},
        "move": {"destination_page_id": column.pk},
        "copy": {"destination_page_id": column.pk, "keep_live": True, "slug": "copy-of-review"},
        "create_alias": {"destination_page_id": column.pk, "update_slug": "alias-of-review"},
        "convert_alias": {},
        "copy_for_translation": {"locale": "en", "copy_parents": True},
        "revert_to_page_revision": {"revision_id": first.pk},
    }


# What each answers on the page under review, with the path guards off: 403 from the publication
# check (publish, a live copy), from Wagtail's workflow lock (unpublish, move: the page is
# locked to all but the 终审 group), 400 for convert_alias (the page is not an alias); the others
# succeed without putting unreviewed text live (an alias shows the approved live content).
API_ACTION_STATUS = {
    "convert_alias": 400,
    "copy": 403,
    "copy_for_translation": 201,
    "create_alias": 201,
    "delete": 204,
    "move": 403,
    "publish": 403,
    "revert_to_page_revision": 200,
    "unpublish": 403,
}
API_ACTIONS = sorted(API_ACTION_STATUS)


def test_every_admin_api_page_action_is_classified():
    assert sorted(pages_endpoint().actions) == API_ACTIONS


@pytest.mark.parametrize("action", API_ACTIONS)
def test_admin_api_actions_publish_nothing_unreviewed(client, office, under_review, action):
    client.force_login(office["users"]["admin"])
    data = api_action_data(office, under_review)[action]
    with suppress(UnreviewedPublication), TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/admin/api/main/pages/{under_review.pk}/action/{action}/",
            data,
            content_type="application/json",
        )
        assert response.status_code == API_ACTION_STATUS[action]
    assert_only_approved_text_is_live(under_review)
    finish_the_run(under_review, office["users"])


def test_converting_an_alias_of_a_page_under_review_publishes_nothing_unreviewed(
    client, office, under_review
):
    alias = CreatePageAliasAction(
        under_review, parent=office["columns"][1], update_slug="alias-of-review"
    ).execute()
    assert alias.live and alias.title == APPROVED  # an alias shows the approved live content
    client.force_login(office["users"]["admin"])
    response = client.post(
        f"/admin/api/main/pages/{alias.pk}/action/convert_alias/", {}, "application/json"
    )
    assert response.status_code == 403
    assert_only_approved_text_is_live(under_review)
    assert fresh(alias).alias_of_id == under_review.pk


PAGE_BULK_ACTIONS = ["delete", "move", "publish", "unpublish"]


def test_every_page_bulk_action_is_classified():
    registered = bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    assert sorted(action.action_type for action in registered) == PAGE_BULK_ACTIONS


@pytest.mark.parametrize("action_type", PAGE_BULK_ACTIONS)
def test_page_bulk_actions_publish_nothing_unreviewed(client, office, under_review, action_type):
    client.force_login(office["users"]["admin"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action_type))
    data = {"chooser": office["columns"][1].pk} if action_type == "move" else {}
    with suppress(UnreviewedPublication):
        response = client.post(f"{url}?id={under_review.pk}", data)
        assert response.status_code < 500
    assert_only_approved_text_is_live(under_review)
    # The action itself, as the view runs it once its form is valid.
    action_class = bulk_action_registry.get_bulk_action_class("wagtailcore", "page", action_type)
    kwargs = {"destination": office["columns"][1]} if action_type == "move" else {}
    pages = list(Page.objects.filter(pk=under_review.pk).specific())
    with suppress(PermissionDenied):
        action_class.execute_action(pages, user=office["users"]["admin"], **kwargs)
    assert_only_approved_text_is_live(under_review)
    finish_the_run(under_review, office["users"])


# Bulk actions on users never touch pages; another one registered must be looked at.
USER_BULK_ACTIONS = {
    "assign_role": "group membership",
    "delete": "removes accounts",
    "set_active_state": "activates or deactivates accounts",
}


def test_every_user_bulk_action_is_classified():
    user_model = get_user_model()
    registered = bulk_action_registry.get_bulk_actions_for_model(
        user_model._meta.app_label, user_model._meta.model_name
    )
    assert {action.action_type for action in registered} == set(USER_BULK_ACTIONS)


def test_publish_scheduled_publishes_nothing_unreviewed(office, under_review):
    latest = under_review.get_latest_revision()
    # Scheduling is itself publishing: refused for a revision no finished run approved.
    latest.approved_go_live_at = timezone.now() + timezone.timedelta(days=1)
    with pytest.raises(UnreviewedPublication):
        latest.save(update_fields=["approved_go_live_at"])
    # A schedule written around that check is still not published when its time comes.
    Revision.objects.filter(pk=latest.pk).update(
        approved_go_live_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    with suppress(UnreviewedPublication):
        call_command("publish_scheduled", verbosity=0)
    assert_only_approved_text_is_live(under_review)


def test_copy_view_publishes_nothing_unreviewed(client, office, under_review):
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailadmin_pages:copy", args=[under_review.pk])
    for extra in ({"publish_copies": "on"}, {"alias": "on"}):
        data = {
            "new_title": IN_REVIEW,
            "new_slug": f"copy-{len(extra)}-{next(iter(extra))}",
            "new_parent_page": office["columns"][1].pk,
            **extra,
        }
        with suppress(UnreviewedPublication):
            response = client.post(url, data)
            assert response.status_code < 500
        assert_only_approved_text_is_live(under_review)


def test_revert_in_the_editor_publishes_nothing_unreviewed(client, office, under_review):
    """Reverting to an old revision and publishing it from the editor."""
    from .helpers import edit_form_data

    client.force_login(office["users"]["admin"])
    first = under_review.revisions.order_by("created_at", "pk").first()
    old = first.as_object()
    old.title = IN_REVIEW
    data = edit_form_data(old, **{"action-publish": "on", "revision": first.pk})
    with suppress(UnreviewedPublication):
        client.post(reverse("wagtailadmin_pages:edit", args=[under_review.pk]), data)
    assert_only_approved_text_is_live(under_review)


# wagtail-localize's admin URLs → whether and how they can publish.
LOCALIZE_URLS = {
    "javascript_catalog": "reads",
    "submit_page_translation": "creates translations as drafts (tried)",
    "submit_snippet_translation": "snippets, not pages",
    "update_translations": "offers no publication; a request asking for it only syncs (tried)",
    "edit_string_translation": "saves strings only",
    "edit_override": "saves overrides only",
    "download_pofile": "reads",
    "upload_pofile": "saves strings only",
    "machine_translate": "saves strings only",
    "preview_translation": "reads",
    "stop_translation": "stops syncing",
    "convert_to_alias": "turns a translation back into an alias (tried)",
    "translations_report": "reads",
    "translations_report_results": "reads",
    "snippets_api_listing": "reads",
    "snippets_api_detail": "reads",
}


def localize_url_names():
    names = set()
    for register in hooks.get_hooks("register_admin_urls"):
        if register.__module__.startswith("wagtail_localize"):
            for resolver in register():
                names |= {pattern.name for pattern in resolver.url_patterns}
    return names


def test_every_localize_view_is_classified():
    assert localize_url_names() == set(LOCALIZE_URLS)


@pytest.fixture
def english(office, under_review):
    """The item's English translation, published from the approved text before this review."""
    assert Locale.objects.filter(language_code="en").exists()
    source, _created = TranslationSource.get_or_create_from_instance(
        under_review.live_revision.as_object()
    )
    with (
        sanctioned_publication("test: the translation published before"),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        page, _created = source.create_or_update_translation(
            Locale.objects.get(language_code="en"),
            publish=True,
            copy_parent_pages=True,
            fallback=True,
        )
    page = fresh(page)
    assert page.live and page.title == APPROVED
    return source, page


def test_localize_update_and_publish_publishes_nothing_unreviewed(client, office, english):
    source, page = english
    live_revision = page.live_revision_id
    client.force_login(office["users"]["admin"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with suppress(UnreviewedPublication), TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
        assert response.status_code < 500
    assert_only_approved_text_is_live(page)
    # The translation is text too: its new version needs a review run of its own.
    assert fresh(page).live_revision_id == live_revision


def test_localize_editor_publish_publishes_nothing_unreviewed(client, office, under_review):
    """A translation started from the item (as 'Translate this page' does), published from
    wagtail-localize's translation editor, which replaces the page editor for translations."""
    source, _created = TranslationSource.get_or_create_from_instance(under_review)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(user=office["users"]["editor"], publish=False)
    page = Page.objects.get(
        translation_key=under_review.translation_key, locale__language_code="en"
    )
    assert not page.live
    client.force_login(office["users"]["admin"])
    with suppress(UnreviewedPublication), TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
        assert response.status_code < 500
    # A translation is new text: it goes live only through a review run of its own.
    assert not fresh(page).live
    assert_only_approved_text_is_live(under_review)


def test_localize_convert_to_alias_shows_only_approved_text(client, office, english):
    _source, page = english
    client.force_login(office["users"]["admin"])
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    with suppress(UnreviewedPublication):
        response = client.post(url)
        assert response.status_code < 500
    assert_only_approved_text_is_live(page)
