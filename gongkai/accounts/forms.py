"""Wagtail's login form with the second factor, and the forms of enrolment and verification."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .throttling import is_locked_out, lockout_message
from .two_factor import has_two_factor, verify

TOKEN_REQUIRED = _("该账号已启用两步验证：请输入身份验证器显示的 6 位验证码，或一个备用码。")
TOKEN_INVALID = _("两步验证码不正确、已过期或已使用过，请重新输入。")


def token_field(required):
    return forms.CharField(
        label=_("两步验证码"),
        required=required,
        max_length=32,
        help_text=_("已启用两步验证的账号填写：身份验证器中的 6 位数字，或一个备用码。"),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
        error_messages={"required": TOKEN_REQUIRED},
    )


def check_token(request, user, token):
    """The device that accepts the token; a wrong code counts as a failed login for throttling
    (django-axes, username+IP), so the code cannot be guessed faster than a password."""
    device = verify(user, token)
    if device is None:
        user_login_failed.send(
            sender=__name__, credentials={"username": user.get_username()}, request=request
        )
        raise ValidationError(
            lockout_message() if is_locked_out(request) else TOKEN_INVALID, code="invalid_token"
        )
    return device


class LoginForm(WagtailLoginForm):
    """WAGTAILADMIN_USER_LOGIN_FORM: password, then the code when the account has enrolled.
    A verified device is set on the user; django-otp records it in the session at login."""

    otp_token = token_field(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's password field has no label, so Django names it "Password" in English.
        self.fields["password"].label = _("密码")

    def clean(self):
        try:
            cleaned_data = super().clean()
        except ValidationError:
            if is_locked_out(self.request):
                raise ValidationError(lockout_message(), code="locked_out") from None
            raise
        user = self.get_user()
        if user is not None and has_two_factor(user):
            token = cleaned_data.get("otp_token") or ""
            if not token.strip():
                raise ValidationError(TOKEN_REQUIRED, code="token_required")
            user.otp_device = check_token(self.request, user, token)
        return cleaned_data


class TokenForm(forms.Form):
    """A code for a signed-in session that is not yet verified (or to confirm enrolment)."""

    otp_token = token_field(required=True)
