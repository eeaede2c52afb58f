"""Two-factor sign-in with django-otp: a TOTP authenticator app, plus one-time backup codes.

Who must use it (`must_use_two_factor`), who has it (`has_two_factor`), checking a code at
sign-in (`verify`), enrolment and an administrator's reset for a lost device.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks

from . import audit
from .administrators import site_administrators_q
from .roles import Role, role_holders_q

AUTHENTICATOR_NAME = "authenticator"
BACKUP_CODES_NAME = "backup-codes"
TOTP_TOKEN = re.compile(r"\d{6}")


# Groups that hold no office role but guard what a second factor should (the register's
# 依申请办理 groups: applicants' names, ID numbers, addresses, phones). The app that owns them sits
# above accounts and registers on this Wagtail hook a function returning {name: filter (Q) on
# users for their members}; a name listed in GONGKAI_TWO_FACTOR_ROLES requires them.
TWO_FACTOR_GROUPS_HOOK = "two_factor_groups"


def _registered_groups():
    groups = {}
    for groups_of_app in hooks.get_hooks(TWO_FACTOR_GROUPS_HOOK):
        groups.update(groups_of_app())
    return groups


def unknown_required_names():
    """The names in GONGKAI_TWO_FACTOR_ROLES that are neither a Role code nor registered on
    TWO_FACTOR_GROUPS_HOOK (a typo would otherwise leave a role's members unprotected)."""
    known = set(Role.values) | set(_registered_groups())
    return [name for name in settings.GONGKAI_TWO_FACTOR_ROLES if name not in known]


def unknown_names_message(unknown):
    known = sorted(set(Role.values) | set(_registered_groups()))
    return (
        f"GONGKAI_TWO_FACTOR_ROLES 含有未知的名称 {', '.join(unknown)}；"
        f"可用的名称 (known names): {', '.join(known)}"
    )


def _required_members():
    """A filter on users for the members of GONGKAI_TWO_FACTOR_ROLES: the site-wide role groups
    and every organisation's copy of them, and the groups other apps registered under the names
    listed; the site administrators (superusers too) count as 管理员, asked of
    administrators.site_administrators_q like everywhere else. An unknown name is refused
    (accounts.E001 at startup), never passed over."""
    names = settings.GONGKAI_TWO_FACTOR_ROLES
    unknown = unknown_required_names()
    if unknown:
        raise ImproperlyConfigured(unknown_names_message(unknown))
    registered = _registered_groups()
    members = role_holders_q([name for name in names if name in Role.values])
    for name in names:
        if name in registered:
            members |= registered[name]
    if Role.ADMINISTRATORS in names:
        members |= site_administrators_q()
    return members


def must_use_two_factor(user):
    """Whether the settings require this user to sign in with a second factor."""
    if not settings.GONGKAI_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return get_user_model().objects.filter(_required_members(), pk=user.pk).exists()


def required_without_authenticator():
    """Active users the settings require to use two-factor sign-in who have not enrolled yet
    (until they do, their password alone lets them, or whoever holds it, enrol)."""
    if not settings.GONGKAI_TWO_FACTOR_REQUIRED:
        return get_user_model().objects.none()
    enrolled = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return (
        get_user_model()
        .objects.filter(_required_members(), is_active=True)
        .exclude(pk__in=enrolled)
        .distinct()
        .order_by("username")
    )


def enrolled_users():
    enrolled = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return get_user_model().objects.filter(pk__in=enrolled).order_by("username")


def has_two_factor(user):
    """Whether the user has a confirmed authenticator; then every sign-in needs a code."""
    return user.is_authenticated and user_has_device(user, confirmed=True)


def verify(user, token):
    """The device that accepts `token` (a 6-digit TOTP code, or a backup code, which is used up),
    or None. Only the device the token's form designates is tried, so a wrong TOTP code never
    throttles the backup codes (and the reverse)."""
    token = "".join(token.split()).lower()
    if not token:
        return None
    model = TOTPDevice if TOTP_TOKEN.fullmatch(token) else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if not isinstance(device, model):
                continue
            allowed, _ = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                return device
    return None


def pending_authenticator(user):
    """The unconfirmed authenticator the enrolment page shows, created once and kept until it is
    confirmed, so reloading the page does not change the key the user has scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_authenticator(device, token):
    """Confirm `device` with a code from the app; returns the new backup codes, or None when the
    code is wrong. Any earlier authenticator and backup codes of the user are replaced."""
    if not TOTP_TOKEN.fullmatch(token.strip()) or not device.verify_token(token.strip()):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = issue_backup_codes(device.user)
    audit.record(audit.TWO_FACTOR_ENROLLED, device.user.get_username(), by=device.user)
    return codes


def issue_backup_codes(user):
    """New backup codes for the user (the old ones stop working); shown once, stored as issued
    by django-otp's static device."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.GONGKAI_TWO_FACTOR_BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_backup_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset_two_factor(user, by):
    """An administrator's reset for a lost device: every device of the user goes; the user signs
    in with the password and enrols again (at once, when the role requires it)."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    audit.record(audit.TWO_FACTOR_RESET, user.get_username(), by=by, removed=removed)
    return removed
