from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    label = "accounts"
    verbose_name = _("账号安全")

    def ready(self):
        from axes.signals import user_locked_out

        from . import checks  # noqa: F401  (registers the system checks)
        from .patches import name_fields, name_order, sidebar_name
        from .throttling import record_lockout

        user_locked_out.connect(record_lockout, dispatch_uid="gongkai_record_lockout")
        name_order.apply()
        name_fields.apply()
        sidebar_name.apply()
