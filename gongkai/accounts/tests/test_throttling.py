"""Login throttling (django-axes): 30 wrong passwords lock the username+IP combination only."""

from datetime import timedelta
from importlib import import_module

from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.models import ModelLogEntry

from gongkai.accounts import audit
from gongkai.ratelimit import client_ip

from .helpers import PASSWORD, post_login, signed_in_as

OFFICE_IP = "203.0.113.10"
ELSEWHERE_IP = "198.51.100.7"


def thirty_wrong_passwords(client, username="editor", ip=OFFICE_IP, **extra):
    for _ in range(30):
        response = client.post(
            "/admin/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=ip, **extra
        )
        assert response.status_code in {200, 429}
        assert signed_in_as(client) is None


def test_the_right_password_is_refused_after_thirty_wrong_ones(client, staff):
    thirty_wrong_passwords(client)
    response = post_login(client, "editor", ip=OFFICE_IP)
    assert signed_in_as(client) is None
    # Wagtail's own login page, in Chinese, not a bare 403.
    assert response.status_code == 429
    content = response.content.decode()
    assert "登录失败次数过多" in content
    assert 'class="login-form"' in content


def test_the_same_username_from_another_address_still_signs_in(staff):
    thirty_wrong_passwords(Client())
    elsewhere = Client()
    response = post_login(elsewhere, "editor", ip=ELSEWHERE_IP)
    assert response.status_code == 302
    assert signed_in_as(elsewhere) == str(staff["editor"].pk)


def test_other_users_at_the_same_address_still_sign_in(client, staff):
    thirty_wrong_passwords(client, username="leader")
    post_login(client, "editor", ip=OFFICE_IP)
    assert signed_in_as(client) == str(staff["editor"].pk)


def test_the_lock_ends_after_the_cool_off(client, staff):
    thirty_wrong_passwords(client)
    post_login(client, "editor")
    assert signed_in_as(client) is None
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    post_login(client, "editor")
    assert signed_in_as(client) == str(staff["editor"].pk)


def test_axes_reads_the_address_through_the_application_rate_limiter(rf):
    read = import_string(settings.AXES_CLIENT_IP_CALLABLE)
    forged = rf.post("/admin/login/", REMOTE_ADDR=OFFICE_IP, HTTP_X_FORWARDED_FOR=ELSEWHERE_IP)
    assert read(forged) == client_ip(forged) == OFFICE_IP
    # No address at all (the test client's force_login): none, not a word in an IP column.
    assert read(HttpRequest()) is None


def test_a_forwarded_header_does_not_escape_the_lock(client, staff):
    for number in range(30):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR=OFFICE_IP,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    post_login(client, "editor", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert signed_in_as(client) is None


def test_a_site_administrator_sees_and_lifts_the_lock_and_both_are_logged(client, staff):
    thirty_wrong_passwords(Client())
    locks = ModelLogEntry.objects.filter(action=audit.LOCKED)
    assert [(entry.object_id, entry.data["ip_address"]) for entry in locks] == [
        (str(staff["editor"].pk), OFFICE_IP)
    ]

    client.force_login(staff["admin"])
    listing = client.get(reverse("accounts_security"))
    assert listing.status_code == 200
    assert OFFICE_IP in listing.content.decode()
    response = client.post(
        reverse("accounts_unlock"), {"username": "editor", "ip_address": OFFICE_IP}
    )
    assert response.status_code == 302
    unlocked = ModelLogEntry.objects.get(action=audit.UNLOCKED)
    assert unlocked.user_id == staff["admin"].pk
    assert unlocked.object_id == str(staff["editor"].pk)

    office = Client()
    post_login(office, "editor", ip=OFFICE_IP)
    assert signed_in_as(office) == str(staff["editor"].pk)


def test_only_site_administrators_unlock(client, staff):
    thirty_wrong_passwords(Client())
    for username in ("editor", "manager", "leader"):
        client.force_login(staff[username])
        # Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard.
        listing = client.get(reverse("accounts_security"))
        assert (listing.status_code, listing.url) == (302, "/admin/")
        response = client.post(
            reverse("accounts_unlock"), {"username": "editor", "ip_address": OFFICE_IP}
        )
        assert (response.status_code, response.url) == (302, "/admin/")
    assert AccessAttempt.objects.filter(username="editor").exists()


def test_django_test_client_logins_still_work(client, staff):
    assert client.login(username="editor", password=PASSWORD)
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(staff["editor"])
    assert client.get("/admin/").status_code == 200


def test_production_refuses_authentication_without_a_request():
    # The test settings' backend lets the test client's login() through; every other
    # environment has axes' own backend first, which refuses a login it cannot throttle.
    base = import_module("gongkai.settings.base")
    assert base.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_a_lockout_outside_wagtails_login_page_answers_in_chinese(rf, db):
    from django.contrib.auth.models import AnonymousUser

    from gongkai.accounts.throttling import lockout_response

    request = rf.post("/elsewhere/", REMOTE_ADDR=OFFICE_IP)
    request.user = AnonymousUser()
    response = lockout_response(request, None, {"username": "editor"})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
