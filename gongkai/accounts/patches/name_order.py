"""Replaces Django's `AbstractUser.get_full_name` (and `get_short_name`) with the project's
name rule (gongkai/accounts/names.py): a Chinese name family name first, without a space (张三
rather than Django's “三 张”); a name in Latin letters stays “First Last”.

Why a patch: the site uses Django's own user model (no AUTH_USER_MODEL), and Wagtail 8 has no
setting or hook for how a user is named: `wagtail.admin.utils.get_user_display_name` (page
history, workflow status, locks, comments, filters, the project's mails and records), the user
listing's column (`wagtail.admin.ui.tables.UserColumn`) and Django's admin all call
`user.get_full_name()`, so that one method serves every place. `get_short_name` (Wagtail's
mails greet “您好，{{ short name }}”) gives the whole Chinese name too: a Chinese greeting
does not use the given name alone; a Latin name keeps its first name.

Checked against Django 5.2.19.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="django",
    checked_version="5.2.19",
    relies_on={
        "django.contrib.auth.models.AbstractUser.get_full_name": "231119e1532d69f1",
        "django.contrib.auth.models.AbstractUser.get_short_name": "a4f963e0365e9d9c",
    },
)


def apply():
    from django.contrib.auth.models import AbstractUser

    from ..names import full_name, is_chinese

    def get_full_name(self):
        return full_name(self.first_name, self.last_name)

    def get_short_name(self):
        if is_chinese(self.first_name + self.last_name):
            return get_full_name(self)
        return self.first_name

    AbstractUser.get_full_name = get_full_name
    AbstractUser.get_short_name = get_short_name
