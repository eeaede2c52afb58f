"""Two-factor sign-in (django-otp): TOTP and backup codes at Wagtail's login, the middleware
that requires a verified session under /admin/, enrolment and an administrator's reset."""

import os
import re
import secrets
import subprocess
import sys
from datetime import timedelta
from importlib import import_module
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from disclosure.catalogue.models import Organisation
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts import audit
from gongkai.accounts.two_factor import issue_backup_codes
from home import demo_content

from .helpers import make_staff, post_login, signed_in_as

ADMIN_HOME = "/admin/"
ADMIN_API = "/admin/api/main/pages/"
REQUIRED = override_settings(GONGKAI_TWO_FACTOR_REQUIRED=True)


def current_token(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def test_totp_sign_in_with_a_token_computed_from_the_device_key(client, staff):
    device = enrol(staff["leader"])
    response = post_login(client, "leader", otp_token=current_token(device))
    assert response.status_code == 302
    assert signed_in_as(client) == str(staff["leader"].pk)
    assert client.session["otp_device_id"] == device.persistent_id
    assert client.get(ADMIN_HOME).status_code == 200


def test_an_enrolled_account_needs_the_token(client, staff):
    enrol(staff["leader"])
    response = post_login(client, "leader")
    assert signed_in_as(client) is None
    assert "已启用两步验证" in response.content.decode()


def test_a_wrong_token_is_refused_and_counts_as_a_failed_login(client, staff):
    device = enrol(staff["leader"])
    wrong = f"{(int(current_token(device)) + 1) % 1_000_000:06d}"
    response = post_login(client, "leader", otp_token=wrong)
    assert signed_in_as(client) is None
    assert "两步验证码不正确" in response.content.decode()
    assert AccessAttempt.objects.get(username="leader").failures_since_start == 1


def test_a_backup_code_works_once(staff):
    enrol(staff["secrecy"])
    code = issue_backup_codes(staff["secrecy"])[0]
    first = Client()
    post_login(first, "secrecy", otp_token=code)
    assert signed_in_as(first) == str(staff["secrecy"].pk)
    assert first.get(ADMIN_HOME).status_code == 200
    second = Client()
    post_login(second, "secrecy", otp_token=code)
    assert signed_in_as(second) is None


def test_an_administrator_resets_a_lost_device_and_it_is_logged(client, staff):
    enrol(staff["leader"])
    issue_backup_codes(staff["leader"])
    client.force_login(staff["admin"])
    listing = client.get(reverse("accounts_security"))
    assert "leader" in listing.content.decode()
    response = client.post(reverse("accounts_reset_two_factor", args=[staff["leader"].pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff["leader"]).exists()
    assert not StaticDevice.objects.filter(user=staff["leader"]).exists()
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_RESET)
    assert (entry.object_id, entry.user_id) == (str(staff["leader"].pk), staff["admin"].pk)
    # The password alone signs in again, so the user can enrol a new device.
    leader = Client()
    post_login(leader, "leader")
    assert signed_in_as(leader) == str(staff["leader"].pk)


def test_only_site_administrators_reset(client, staff):
    enrol(staff["leader"])
    for username in ("manager", "editor"):
        client.force_login(staff[username])
        client.post(reverse("accounts_reset_two_factor", args=[staff["leader"].pk]))
    assert TOTPDevice.objects.filter(user=staff["leader"]).exists()


def organisation_reviewer():
    township = Organisation.objects.create(**demo_content.TOWNSHIP)
    user = make_staff("township-reviewer")
    user.groups.add(ensure_organisation_roles(township)["reviewers"])
    return user


@REQUIRED
@pytest.mark.parametrize("username", ["reviewer", "secrecy", "leader", "manager", "admin"])
def test_the_required_roles_need_a_verified_session_for_the_admin_and_its_api(
    client, staff, username
):
    client.force_login(staff[username])
    response = client.get(ADMIN_HOME)
    assert (response.status_code, response.url) == (302, reverse("accounts_two_factor"))
    assert client.get(ADMIN_API).status_code == 403
    assert client.get(reverse("wagtailadmin_pages:add_subpage", args=[1])).status_code == 302


@REQUIRED
def test_an_organisation_role_counts_as_the_role(client, db):
    client.force_login(organisation_reviewer())
    assert client.get(ADMIN_API).status_code == 403


@REQUIRED
def test_editors_are_not_held_when_only_the_four_roles_require_it(client, staff):
    client.force_login(staff["editor"])
    assert client.get(ADMIN_HOME).status_code == 200
    assert client.get(ADMIN_API).status_code == 200


def test_not_required_in_dev_and_test_settings(client, staff):
    client.force_login(staff["leader"])
    assert client.get(ADMIN_HOME).status_code == 200
    assert client.get(ADMIN_API).status_code == 200


def test_an_enrolled_session_without_the_second_factor_is_sent_to_verify(client, staff):
    # A session opened by another path than the login form (here force_login) is not verified.
    device = enrol(staff["editor"])
    client.force_login(staff["editor"])
    assert client.get(ADMIN_API).status_code == 403
    response = client.get(ADMIN_HOME)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts_two_factor_verify"))
    verified = client.post(
        reverse("accounts_two_factor_verify"), {"otp_token": current_token(device), "next": "/"}
    )
    assert verified.status_code == 302
    assert client.get(ADMIN_API).status_code == 200


def test_a_query_sent_unencoded_comes_back_once_verified(client, staff):
    """A client sending ?q=政府 as raw UTF-8 bytes (the WSGI server hands Django its query string
    decoded as Latin-1) was sent to verify with next=…%3Fq%3D%25C3%25A6…: after the second
    factor, a search for mojibake (gongkai/request_paths.py)."""
    enrol(staff["editor"])
    client.force_login(staff["editor"])
    raw = "q=政府".encode().decode("latin-1")
    response = client.get("/admin/pages/search/", QUERY_STRING=raw)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("accounts_two_factor_verify")
    (next_path,) = parse_qs(location.query)["next"]
    # The same next= as a client sending ?q=%E6%94%BF%E5%BA%9C gets: the query encoded once.
    assert next_path == "/admin/pages/search/?q=%E6%94%BF%E5%BA%9C"
    assert unquote(next_path) == "/admin/pages/search/?q=政府"


@REQUIRED
def test_a_required_user_without_a_device_signs_in_and_enrols(client, staff):
    response = post_login(client, "reviewer")
    assert response.status_code == 302
    assert signed_in_as(client) == str(staff["reviewer"].pk)
    sent = client.get(response.url)
    assert (sent.status_code, sent.url) == (302, reverse("accounts_two_factor"))

    page = client.get(reverse("accounts_two_factor")).content.decode()
    assert "<svg" in page
    uri = re.search(r'value="(otpauth://totp/[^"]+)"', page).group(1)
    assert "secret=" in uri
    device = TOTPDevice.objects.get(user=staff["reviewer"], confirmed=False)

    assert client.post(reverse("accounts_two_factor"), {"otp_token": "000000"}).status_code == 200
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    # django-otp holds the device back for a second after a wrong code; the user types slower.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=5)
    )
    shown = client.post(reverse("accounts_two_factor"), {"otp_token": current_token(device)})
    codes = re.findall(r"<code>([a-z0-9]+)</code>", shown.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_ENROLLED).count() == 1
    # The enrolling session is verified; the codes are not shown again.
    assert client.get(ADMIN_HOME).status_code == 200
    assert codes[0] not in client.get(reverse("accounts_two_factor")).content.decode()


@REQUIRED
def test_administrators_see_who_must_enrol_and_has_not(client, staff):
    enrol(staff["leader"])
    township_reviewer = organisation_reviewer()
    client.force_login(staff["admin"])
    enrol(staff["admin"])
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=staff["admin"]).persistent_id
    session.save()
    page = client.get(reverse("accounts_security")).content.decode()
    waiting = page.split("须启用但尚未启用两步验证的账号")[1]
    for user in ("reviewer", "secrecy", "manager", township_reviewer.username):
        assert f"<li>{user} " in waiting
    for user in ("leader", "admin", "editor"):
        assert f"<li>{user} " not in waiting


def test_every_user_finds_enrolment_in_the_account_page_and_only_administrators_the_lockouts(
    client, staff
):
    client.force_login(staff["editor"])
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("accounts_two_factor") in account
    assert reverse("accounts_security") not in client.get(ADMIN_HOME).content.decode()
    client.force_login(staff["admin"])
    assert reverse("accounts_security") in client.get(ADMIN_HOME).content.decode()


def test_production_requires_two_factor_sign_in_and_the_demo_does_not(settings):
    script = (
        "import gongkai.settings.production as p; "
        "print(p.GONGKAI_TWO_FACTOR_REQUIRED, sorted(p.GONGKAI_TWO_FACTOR_ROLES))"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "TWO_FACTOR_REQUIRED"}
    }
    environment["SECRET_KEY"] = "x" * 10 + secrets.token_urlsafe(48)
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert result.stdout.strip() == (
        "True ['administrators', 'application_handlers', 'leaders', 'reviewers', 'secrecy']"
    )
    dev = import_module("gongkai.settings.dev")
    assert dev.GONGKAI_TWO_FACTOR_REQUIRED is False


def test_new_backup_codes_replace_the_old_ones_and_are_logged(client, staff):
    device = enrol(staff["editor"])
    old = issue_backup_codes(staff["editor"])
    post_login(client, "editor", otp_token=current_token(device))
    page = client.post(reverse("accounts_two_factor"), {"action": "backup_codes"})
    new = re.findall(r"<code>([a-z0-9]+)</code>", page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert ModelLogEntry.objects.filter(action=audit.BACKUP_CODES_ISSUED).count() == 1
    stale = Client()
    post_login(stale, "editor", otp_token=old[0])
    assert signed_in_as(stale) is None
