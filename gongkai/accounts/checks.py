"""Configuration of sign-in checked at startup (`manage.py check`, and `migrate`, which the web
container runs before it serves)."""

from django.core.checks import Error, Tags, register
from django.db import DEFAULT_DB_ALIAS

from gongkai.migrated import fully_migrated

from .roles import Role
from .site_wide_groups import SITE_WIDE_GROUPS_HOOK, recorded_keys
from .two_factor import unknown_names_message, unknown_required_names


@register()
def two_factor_names_are_known(app_configs, **kwargs):
    unknown = unknown_required_names()
    if not unknown:
        return []
    return [
        Error(
            unknown_names_message(unknown),
            hint="角色代码见 gongkai/accounts/roles.py；其他名称由各应用注册 (docs/accounts.md)。",
            id="accounts.E001",
        )
    ]


def missing_site_wide_keys():
    """The keys (each role's code, and what apps registered on SITE_WIDE_GROUPS_HOOK) no
    site-wide group is recorded under."""
    from wagtail import hooks

    expected = list(Role.values)
    for keys_of_app in hooks.get_hooks(SITE_WIDE_GROUPS_HOOK):
        expected += keys_of_app()
    recorded = recorded_keys()
    return [key for key in expected if key not in recorded]


@register(Tags.database)
def site_wide_groups_exist(app_configs, databases=None, **kwargs):
    """Each role's site-wide group and each one an app registered is recorded by key
    (accounts.SiteWideGroup): without it a new organisation's copy of the role gets no model
    permissions, and without 管理员 nobody but superusers is a site administrator."""
    # A check that reads rows runs where Django runs database checks (`migrate`, `check
    # --database default`), not in every run_checks() (the server's start, a test's).
    if not databases or not fully_migrated(DEFAULT_DB_ALIAS):
        return []
    missing = missing_site_wide_keys()
    if not missing:
        return []
    names = "、".join(
        f"{Role(key).label}（{key}）" if key in Role.values else key for key in missing
    )
    return [
        Error(
            f"缺少站点级用户组：{names} (site-wide groups missing: {', '.join(missing)}).",
            hint="站点级用户组由数据迁移按键登记在 accounts.SiteWideGroup 中"
            "（按当时的名称查找，找不到时不登记）；请在该表中为该键登记对应的用户组。",
            id="accounts.E002",
        )
    ]
