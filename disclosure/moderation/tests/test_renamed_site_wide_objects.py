"""Site administrators may rename the site-wide role groups, the register's 依申请办理 and the
default review workflow in the admin: code finds them by key (accounts.SiteWideGroup, the
moderation DefaultWorkflow row), so a new name changes nothing. Deleting one (disabling the
workflow) is refused in the admin, and `manage.py check` names one that is missing.

Before, each was looked up by the name it was created with: a renamed 信息员 left a new
organisation's 信息员 without model permissions, a renamed 管理员 took site administration (and
the two-factor requirement) from its members, a renamed workflow left a new root without review."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Workflow, WorkflowPage

from disclosure.applications.roles import SITE_WIDE_KEY, handlers_q
from disclosure.catalogue.models import DisclosureIndexPage, Organisation
from disclosure.moderation.checks import default_workflow_exists
from disclosure.moderation.models import DefaultWorkflow
from disclosure.moderation.organisations.placement import attach_default_workflow, default_workflow
from gongkai.accounts.administrators import is_site_administrator, site_administrators_q
from gongkai.accounts.checks import site_wide_groups_exist
from gongkai.accounts.models import SiteWideGroup
from gongkai.accounts.roles import Role, role_holders_q
from gongkai.accounts.site_wide import site_wide_permissions_q
from gongkai.accounts.site_wide_groups import site_wide_group
from gongkai.accounts.two_factor import must_use_two_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def renamed(obj, name):
    obj.name = name
    obj.save()
    return obj


def new_root(office, slug="jyj"):
    organisation = Organisation.objects.create(name="友谊县教育局")
    home = office["root"].get_parent()
    return home.add_child(
        instance=DisclosureIndexPage(title="教育局信息公开", slug=slug, organisation=organisation)
    )


def test_a_new_organisation_copies_a_renamed_site_wide_roles_permissions(office):
    editors = renamed(site_wide_group(Role.EDITORS), "信息报送员")
    root = new_root(office)
    own_editors = root.organisation.role_groups.get(role=Role.EDITORS).group
    assert own_editors.permissions.exists()
    assert set(own_editors.permissions.all()) == set(
        editors.permissions.exclude(site_wide_permissions_q())
    )


@override_settings(GONGKAI_TWO_FACTOR_REQUIRED=True)
def test_a_renamed_administrators_group_keeps_its_members_site_administrators(db):
    administrators = renamed(site_wide_group(Role.ADMINISTRATORS), "平台管理员")
    user = UserFactory(username="platform-admin", groups=[administrators])
    assert is_site_administrator(user)
    assert type(user).objects.filter(site_administrators_q(), pk=user.pk).exists()
    assert must_use_two_factor(user)


def test_renamed_role_and_handler_groups_keep_their_members(db):
    reviewers = renamed(site_wide_group(Role.REVIEWERS), "初审员")
    handlers = renamed(site_wide_group(SITE_WIDE_KEY), "申请办理员")
    reviewer = UserFactory(username="renamed-reviewer", groups=[reviewers])
    handler = UserFactory(username="renamed-handler", groups=[handlers])
    users = type(reviewer).objects
    assert users.filter(role_holders_q([Role.REVIEWERS]), pk=reviewer.pk).exists()
    assert users.filter(handlers_q(), pk=handler.pk).exists()


def test_a_new_root_gets_the_renamed_default_workflow(office):
    workflow = renamed(default_workflow(), "本县先审后发")
    assert new_root(office).get_workflow() == workflow


def test_placement_without_a_default_workflow_says_so(office):
    root = new_root(office)
    WorkflowPage.objects.filter(page=root).delete()
    DefaultWorkflow.objects.all().delete()
    with pytest.raises(ImproperlyConfigured, match="默认审核工作流"):
        attach_default_workflow(root)


def test_the_checks_name_a_missing_site_wide_group_and_default_workflow(db):
    assert site_wide_groups_exist(None, databases=["default"]) == []
    assert default_workflow_exists(None, databases=["default"]) == []
    SiteWideGroup.objects.filter(key__in=[Role.LEADERS, SITE_WIDE_KEY]).delete()
    DefaultWorkflow.objects.all().delete()
    errors = site_wide_groups_exist(None, databases=["default"])
    assert [error.id for error in errors] == ["accounts.E002"]
    assert "分管领导" in errors[0].msg and SITE_WIDE_KEY in errors[0].msg
    assert [error.id for error in default_workflow_exists(None, databases=["default"])] == [
        "moderation.E001"
    ]


def test_a_disabled_default_workflow_is_reported(db):
    Workflow.objects.filter(pk=default_workflow().pk).update(active=False)
    assert [error.id for error in default_workflow_exists(None, databases=["default"])] == [
        "moderation.E001"
    ]


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(username="root-admin", is_superuser=True, is_staff=True))
    return client


def test_the_admin_refuses_to_delete_a_site_wide_group(superuser_client):
    group = site_wide_group(Role.REVIEWERS)
    url = reverse("wagtailusers_groups:delete", args=[group.pk])
    response = superuser_client.post(url, follow=True)
    assert Group.objects.filter(pk=group.pk).exists()
    assert "不能删除" in response.content.decode()
    other = Group.objects.create(name="临时组")
    superuser_client.post(reverse("wagtailusers_groups:delete", args=[other.pk]))
    assert not Group.objects.filter(pk=other.pk).exists()


def test_the_admin_refuses_to_disable_the_default_workflow(superuser_client):
    workflow = default_workflow()
    roots = WorkflowPage.objects.filter(workflow=workflow).count()
    url = reverse("wagtailadmin_workflows:disable", args=[workflow.pk])
    response = superuser_client.post(url, follow=True)
    assert Workflow.objects.get(pk=workflow.pk).active
    assert WorkflowPage.objects.filter(workflow=workflow).count() == roots
    assert "不能停用" in response.content.decode()
    other = Workflow.objects.create(name="临时流程", active=True)
    superuser_client.post(reverse("wagtailadmin_workflows:disable", args=[other.pk]))
    assert not Workflow.objects.get(pk=other.pk).active
