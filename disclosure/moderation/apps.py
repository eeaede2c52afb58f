from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "disclosure.moderation"
    label = "moderation"
    verbose_name = "审核与发布"

    def ready(self):
        from . import signals  # noqa: F401
        from .admin_api import guard_admin_api_actions

        guard_admin_api_actions()
