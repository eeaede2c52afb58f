from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "disclosure.moderation"
    label = "moderation"
    verbose_name = "审核与发布"

    def ready(self):
        from . import signals  # noqa: F401
        from .admin_api import guard_admin_api_actions
        from .runs import count_approvals_only_for_the_run_revision

        guard_admin_api_actions()
        count_approvals_only_for_the_run_revision()
