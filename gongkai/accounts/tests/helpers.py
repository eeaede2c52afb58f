"""Staff accounts and signing in, for the account-security tests."""

from django.contrib.auth.models import Group
from django.urls import reverse

from gongkai.accounts.roles import Role
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"
LOGIN_URL = "/admin/login/"


def make_staff(username, role=None, superuser=False):
    """A user of a site-wide role group (`Role`), or a superuser."""
    groups = [Group.objects.get(name=Role(role).group_name)] if role else []
    return UserFactory(
        username=username,
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
        groups=groups,
    )


def organisation_administrator(username):
    """An organisation's 管理员: manages its own users, never account security site-wide."""
    from disclosure.catalogue.models import Organisation
    from disclosure.moderation.organisations.placement import ensure_organisation_roles

    user = make_staff(username)
    organisation = Organisation.objects.create(name="账号测试镇人民政府")
    user.groups.add(ensure_organisation_roles(organisation)["administrators"])
    return user


def post_login(client, username, password=PASSWORD, ip="203.0.113.10", **fields):
    return client.post(
        LOGIN_URL,
        {
            "username": username,
            "password": password,
            "next": reverse("wagtailadmin_home"),
            **fields,
        },
        REMOTE_ADDR=ip,
    )


def signed_in_as(client):
    return client.session.get("_auth_user_id")
