"""The admin API's page endpoint, with the admin views' guards on the actions that publish or
take down.

Replaces: the "pages" endpoint of Wagtail's admin API (`PagesAdminAPIViewSet`, registered in
`wagtail/admin/api/urls.py`) with a subclass, through Wagtail's `construct_admin_api` hook
(registered in wagtail_hooks.py by `use_guarded_pages_endpoint`). No Wagtail class is changed.

Why: `POST /admin/api/main/pages/<id>/action/<name>/` runs Wagtail's page actions directly,
without the `before_*_page` hooks the admin views call, so anyone holding publish permission could
publish a draft or take a published item down there. Here the actions that put content live or
take it down ask the guards (guards.py) first and answer 403 with the reason.

Checked against Wagtail 8.0.1: the actions dict (each action is classified in
tests/test_publishing_paths.py), `action_view` (it calls `execute(instance, data)` after the
action's serializer accepted the data) and the hook, called with the router before the admin API's
URLs are built.
"""

from rest_framework.exceptions import PermissionDenied
from wagtail.admin.api.views import PagesAdminAPIViewSet

from disclosure.catalogue.roots import in_disclosure_tree
from gongkai.patching import Patch

from ..publishing.guards import (
    alias_refusal,
    copy_refusal,
    publishing_refusal,
    takedown_refusal,
)

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.admin.api.views.PagesAdminAPIViewSet.actions": "b885e63c4fd91be3",
        "wagtail.admin.api.views.PagesAdminAPIViewSet.action_view": "01f812d66c61edce",
        "wagtail.admin.api.urls": "31b1bd7df84970fb",
    },
)

# action name → (page, posted data) → reason for refusing, or None.
REFUSALS = {
    "publish": lambda page, data: publishing_refusal(page),
    "unpublish": lambda page, data: takedown_refusal(page),
    "delete": lambda page, data: takedown_refusal(page),
    "move": lambda page, data: takedown_refusal(page),
    # A live copy or an alias would be new public pages that no review has seen.
    "copy": lambda page, data: copy_refusal(page) if data.get("keep_live") else None,
    "create_alias": lambda page, data: alias_refusal(page),
}


def guarded(action_class, refusal):
    class GuardedAction(action_class):
        def execute(self, instance, data):
            if in_disclosure_tree(instance) and (reason := refusal(instance, data)):
                raise PermissionDenied(str(reason))
            return super().execute(instance, data)

    GuardedAction.__name__ = f"Guarded{action_class.__name__}"
    return GuardedAction


class GuardedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {
        name: guarded(action, REFUSALS[name]) if name in REFUSALS else action
        for name, action in PagesAdminAPIViewSet.actions.items()
    }


def use_guarded_pages_endpoint(router):
    """The `construct_admin_api` hook: the guarded endpoint takes the name "pages"."""
    router.register_endpoint("pages", GuardedPagesAdminAPIViewSet)
