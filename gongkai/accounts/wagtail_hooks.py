from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import audit
from .admin_urls import urlpatterns
from .administrators import is_site_administrator


@hooks.register("register_admin_urls")
def register_accounts_urls():
    return urlpatterns


class SiteAdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_site_administrator(request.user)


@hooks.register("register_settings_menu_item")
def register_security_menu_item():
    return SiteAdministratorMenuItem(
        _("登录锁定与两步验证"), reverse("accounts_security"), icon_name="lock", order=610
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("两步验证"),
        "help_text": _("用手机上的身份验证器为登录加一道验证，并获取备用码。"),
    }


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions):
    actions.register_action(audit.LOCKED, _("登录锁定"), _("登录失败次数过多，已锁定"))
    actions.register_action(audit.UNLOCKED, _("解除登录锁定"), _("管理员解除登录锁定"))
    actions.register_action(audit.TWO_FACTOR_ENROLLED, _("启用两步验证"), _("已启用两步验证"))
    actions.register_action(audit.TWO_FACTOR_RESET, _("重置两步验证"), _("管理员重置两步验证"))
    actions.register_action(audit.BACKUP_CODES_ISSUED, _("重新生成备用码"), _("已重新生成备用码"))
