"""Replaces `wagtail.admin.ui.sidebar.MainMenuModule.js_args`, which names the signed-in user
in the sidebar's account menu by `user.first_name` alone: a 信息员 named 张三 (姓 张, 名 三) saw
“三” there while every other screen says 张三. The name becomes `user.get_short_name()`, which
the project's name rule (patches/name_order.py) makes the whole Chinese name and a Latin
name's first name, as before; the username when both name fields are empty, as before.

Why a patch: Wagtail 8 builds the sidebar's props in this adapter with no hook or setting for
the name shown.

Checked against Wagtail 8.0.1.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.admin.ui.sidebar.MainMenuModule.js_args": "314adfadb95a03ad",
    },
)


def apply():
    from wagtail.admin.ui.sidebar import MainMenuModule

    wagtails = MainMenuModule.js_args

    def js_args(self):
        menu_items, account_menu_items, account = wagtails(self)
        name = self.user.get_short_name() if hasattr(self.user, "get_short_name") else ""
        return [menu_items, account_menu_items, {**account, "name": name or account["name"]}]

    MainMenuModule.js_args = js_args
