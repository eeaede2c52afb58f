"""The moderation app's patches of Wagtail are in effect (disclosure/moderation/patches/).

Their behaviour is tested through HTTP elsewhere: test_admin_api_and_copy.py (the guarded admin
API), test_notifications.py (ours the only mails), test_revision_invariant.py and
test_workflow.py (an approval counts for the run's revision only).
"""

from django.urls import resolve
from wagtail import signals
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import WorkflowState

from disclosure.moderation.patches import admin_api_actions, workflow_mails
from disclosure.moderation.revisions import runs


def test_the_admin_api_serves_page_actions_through_the_guarded_endpoint():
    served = resolve("/admin/api/main/pages/1/action/publish/").func.cls
    # The organisation wall wraps every admin API endpoint (admin_api_walls): the guarded
    # endpoint is what it wraps.
    assert issubclass(served, admin_api_actions.GuardedPagesAdminAPIViewSet)
    for name in admin_api_actions.REFUSALS:
        action = served.actions[name]
        assert action.__bases__ == (PagesAdminAPIViewSet.actions[name],)
    # Wagtail's own class is left as it was.
    assert not any(a.__name__.startswith("Guarded") for a in PagesAdminAPIViewSet.actions.values())


def test_wagtails_workflow_mails_are_disconnected():
    for signal_name, _sender, dispatch_uid in workflow_mails.WAGTAIL_WORKFLOW_MAILS:
        connected = [key[0] for key, *_rest in getattr(signals, signal_name).receivers]
        assert dispatch_uid not in connected


def test_an_approval_counts_only_for_the_run_revision():
    replaced = WorkflowState.__dict__["successful_task_states"]
    assert isinstance(replaced, property) and replaced.fget is runs.successful_task_states
