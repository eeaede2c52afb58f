"""Staff accounts for the account-security tests: one per role, site-wide role groups."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from gongkai.accounts.roles import Role

PASSWORD = "correct-horse-battery"
LOGIN_URL = "/admin/login/"


def make_staff(username, role=None, superuser=False):
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, is_superuser=superuser, is_staff=superuser
    )
    if role is not None:
        user.groups.add(Group.objects.get(name=Role(role).group_name))
    return user


def organisation_administrator(username):
    """An organisation's 管理员: manages its own users, never account security site-wide."""
    from disclosure.catalogue.models import Organisation
    from disclosure.moderation.placement import ensure_organisation_roles

    user = make_staff(username)
    organisation = Organisation.objects.create(name="账号测试镇人民政府")
    user.groups.add(ensure_organisation_roles(organisation)["administrators"])
    return user


@pytest.fixture
def staff(db):
    return {
        "editor": make_staff("editor", "editors"),
        "reviewer": make_staff("reviewer", "reviewers"),
        "secrecy": make_staff("secrecy", "secrecy"),
        "leader": make_staff("leader", "leaders"),
        "manager": organisation_administrator("manager"),
        "admin": make_staff("admin", superuser=True),
    }


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
