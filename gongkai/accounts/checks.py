"""Configuration of sign-in checked at startup (`manage.py check`, and `migrate`, which the web
container runs before it serves)."""

from django.core.checks import Error, register

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
