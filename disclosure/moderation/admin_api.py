"""The admin API's page actions go through the same guards as the admin views.

`POST /admin/api/main/pages/<id>/action/<name>/` (wagtail.admin.api) runs Wagtail's page actions
directly, without the `before_*_page` hooks the admin views call, so anyone holding publish
permission could publish a draft or take a published item down there. The actions that put
content live or take it down are replaced by guarded subclasses when the app is ready.
"""

from rest_framework.exceptions import PermissionDenied

from .guards import copy_refusal, is_disclosure_page, publishing_refusal, takedown_refusal

# action name → (page, posted data) → reason for refusing, or None.
REFUSALS = {
    "publish": lambda page, data: publishing_refusal(page),
    "unpublish": lambda page, data: takedown_refusal(page),
    "delete": lambda page, data: takedown_refusal(page),
    "move": lambda page, data: takedown_refusal(page),
    # A live copy or an alias would be new public pages that no review has seen.
    "copy": lambda page, data: copy_refusal(page) if data.get("keep_live") else None,
    "create_alias": lambda page, data: copy_refusal(page),
}


def guarded(action_class, refusal):
    class GuardedAction(action_class):
        def execute(self, instance, data):
            if is_disclosure_page(instance) and (reason := refusal(instance, data)):
                raise PermissionDenied(str(reason))
            return super().execute(instance, data)

    GuardedAction.__name__ = f"Guarded{action_class.__name__}"
    return GuardedAction


def guard_admin_api_actions():
    from wagtail.admin.api.views import PagesAdminAPIViewSet

    actions = dict(PagesAdminAPIViewSet.actions)
    for name, refusal in REFUSALS.items():
        if not actions[name].__name__.startswith("Guarded"):
            actions[name] = guarded(actions[name], refusal)
    PagesAdminAPIViewSet.actions = actions
