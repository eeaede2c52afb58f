"""Placeful set-up of a disclosure root: the organisation's own role groups, their page
permissions on the root, and the default review workflow (created by the data migration
0003_default_workflow).
"""

from django.apps import apps

from disclosure.catalogue.models import Organisation, OrganisationRole
from disclosure.catalogue.organisation_groups import new_organisation_group, organisation_group_name
from disclosure.catalogue.staff_roles import role_group
from gongkai.accounts.roles import Role
from gongkai.accounts.site_wide import site_wide_permissions_q

from .organisation_collections import ensure_organisation_collection
from .role_permissions import ROOT_PAGE_PERMISSIONS

DEFAULT_WORKFLOW_NAME = "政府信息公开先审后发"


def ensure_organisation_roles(organisation):
    """The organisation's own copy of each role group, with the site-wide role's model
    permissions except those on site-wide objects (gongkai.accounts.site_wide), which stay with site
    administrators, and the organisation's collection with the groups' document and image
    permissions on it. Returns {role: group}. A group is reused only where OrganisationRole
    records it as the organisation's; one merely bearing the name is never adopted
    (catalogue.organisation_groups)."""
    Group = apps.get_model("auth", "Group")
    groups = {}
    for role in Role:
        group = role_group(organisation.pk, role)
        if group is not None:
            groups[role] = group
            continue
        group = new_organisation_group(organisation_group_name(organisation, role.group_name))
        site_wide = Group.objects.filter(name=role.group_name).first()
        if site_wide is not None:
            group.permissions.add(*site_wide.permissions.exclude(site_wide_permissions_q()))
        OrganisationRole.objects.create(organisation_id=organisation.pk, role=role, group=group)
        groups[role] = group
    ensure_organisation_collection(organisation, groups)
    return groups


def grant_root_permissions(root, groups):
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for role, codenames in ROOT_PAGE_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=groups[role], page_id=root.pk, permission=permission
            )


def default_workflow():
    Workflow = apps.get_model("wagtailcore", "Workflow")
    return Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).first()


def attach_default_workflow(root):
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = default_workflow()
    if workflow is not None and not WorkflowPage.objects.filter(page_id=root.pk).exists():
        WorkflowPage.objects.create(page_id=root.pk, workflow=workflow)


def set_up_disclosure_root(root):
    organisation = Organisation.objects.get(pk=root.organisation_id)
    grant_root_permissions(root, ensure_organisation_roles(organisation))
    attach_default_workflow(root)
