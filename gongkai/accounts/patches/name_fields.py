"""Replaces the “required” message of the 名 and 姓 fields (first_name, last_name) of Wagtail's
account form (账户 → 姓名, `wagtail.admin.forms.account.NameEmailForm`) and of its user
create and edit forms (`wagtail.users.forms.UserForm`, whose fields its subclasses share) with
one that says which field is empty and what belongs in it.

Why: both forms require both fields, and an empty one was marked with Django's bare “必需字段”.
Someone used to writing a name as one word (李小红) in 名 did not see that 姓 wanted the family
name alone. Wagtail declares the fields on the forms with no setting to make 姓 optional or to
word the message, and its account page builds its name panel from NameEmailForm directly (no
hook replaces the panel), so the message is set on the declared fields once.

Checked against Wagtail 8.0.1: both forms declare `first_name` and `last_name` as required
CharFields with no error messages of their own.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.admin.forms.account.NameEmailForm": "7dbd64344afe8965",
        "wagtail.users.forms.UserForm": "e9f6e744b34bde9b",
    },
)

REQUIRED = {
    "first_name": _("请填写名（如“三”）；姓填在“姓”一栏（如“张”）。"),
    "last_name": _("请填写姓（如“张”）；名填在“名”一栏（如“三”）。"),
}


def apply():
    from wagtail.admin.forms.account import NameEmailForm
    from wagtail.users.forms import UserForm

    for form in (NameEmailForm, UserForm):
        for name, message in REQUIRED.items():
            form.base_fields[name].error_messages["required"] = message
