"""Placeful set-up of a disclosure root: the organisation's own role groups, their page
permissions on the root, and the default review workflow (created by the data migration
0003_default_workflow, recorded by 0012 in the DefaultWorkflow row).
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import GroupPagePermission, WorkflowPage

from disclosure.catalogue.models import Organisation, OrganisationRole
from disclosure.catalogue.organisation_groups import new_organisation_group, organisation_group_name
from gongkai.accounts.roles import Role
from gongkai.accounts.site_wide import site_wide_permissions_q
from gongkai.accounts.site_wide_groups import site_wide_group

from ..models import DefaultWorkflow
from .organisation_collections import ensure_organisation_collection
from .role_permissions import ROOT_PAGE_PERMISSIONS


def ensure_organisation_roles(organisation):
    """The organisation's own copy of each role group, with the site-wide role's model
    permissions except those on site-wide objects (gongkai.accounts.site_wide), which stay with site
    administrators, and the organisation's collection with the groups' document and image
    permissions on it. Returns {role: group}. A group is reused only where OrganisationRole
    records it as the organisation's; one merely bearing the name is never adopted
    (catalogue.organisation_groups)."""
    groups = {
        Role(link.role): link.group
        for link in OrganisationRole.objects.filter(
            organisation_id=organisation.pk, role__in=Role.values
        ).select_related("group")
    }
    for role in Role:
        if role in groups:
            continue
        group = new_organisation_group(organisation_group_name(organisation, role.group_name))
        site_wide = site_wide_group(role)
        if site_wide is not None:
            group.permissions.add(*site_wide.permissions.exclude(site_wide_permissions_q()))
        OrganisationRole.objects.create(organisation_id=organisation.pk, role=role, group=group)
        groups[role] = group
    ensure_organisation_collection(organisation, groups)
    return groups


def grant_root_permissions(root, groups):
    codenames = {codename for names in ROOT_PAGE_PERMISSIONS.values() for codename in names}
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
    }
    if missing := codenames - permissions.keys():
        raise Permission.DoesNotExist(f"wagtailcore permissions missing: {sorted(missing)}")
    held = set(
        GroupPagePermission.objects.filter(page_id=root.pk).values_list("group_id", "permission_id")
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=groups[role], page_id=root.pk, permission=permission)
            for role, names in ROOT_PAGE_PERMISSIONS.items()
            for permission in (permissions[codename] for codename in names)
            if (groups[role].pk, permission.pk) not in held
        ],
        ignore_conflicts=True,
    )


def default_workflow():
    """The workflow the DefaultWorkflow row names, whatever it is called; None without one."""
    row = DefaultWorkflow.objects.select_related("workflow").first()
    return row.workflow if row is not None else None


NO_DEFAULT_WORKFLOW = (
    "没有可用的默认审核工作流（DefaultWorkflow 未指向一个启用的工作流），"
    "新的信息公开目录无法获得审核流程 "
    "(no active default review workflow: a new disclosure root would get no review)."
)


def attach_default_workflow(root):
    """Gives a new root the default workflow; refuses (ImproperlyConfigured) when there is none
    or it is disabled, rather than leave the root without review, where every publication but
    强制发布 would be refused (`migrate` reports it first: moderation.E001)."""
    if WorkflowPage.objects.filter(page_id=root.pk).exists():
        return
    workflow = default_workflow()
    if workflow is None or not workflow.active:
        raise ImproperlyConfigured(NO_DEFAULT_WORKFLOW)
    WorkflowPage.objects.create(page_id=root.pk, workflow=workflow)


def set_up_disclosure_root(root):
    organisation = Organisation.objects.get(pk=root.organisation_id)
    grant_root_permissions(root, ensure_organisation_roles(organisation))
    attach_default_workflow(root)
