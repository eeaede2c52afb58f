from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "disclosure.moderation"
    label = "moderation"
    verbose_name = "审核与发布"

    def ready(self):
        from . import signals  # noqa: F401
        from .patches import (
            page_deletion,
            run_revision_approvals,
            unpublish_button,
            workflow_state_cancel,
        )

        run_revision_approvals.apply()
        page_deletion.apply()
        workflow_state_cancel.apply()
        unpublish_button.apply()
