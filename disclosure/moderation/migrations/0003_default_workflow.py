"""The default three-step review workflow, and the placeful set-up of every disclosure root that
exists already: the organisation's own copy of each role group (with the site-wide group's
model and collection permissions, as they were then), its page permissions on the root, and the
workflow. Frozen here as placement.py and roles.py were when this migration was written, so later
edits of them cannot change what it did."""

from django.db import migrations

DEFAULT_WORKFLOW_NAME = "政府信息公开先审后发"
# (task name, task model, role), in review order.
DEFAULT_TASKS = [
    ("初审", "roleapprovaltask", "reviewers"),
    ("保密审查", "secrecyreviewtask", "secrecy"),
    ("终审", "roleapprovaltask", "leaders"),
]
GROUP_NAMES = {
    "editors": "信息员",
    "reviewers": "初审",
    "secrecy": "保密审查",
    "leaders": "分管领导",
    "administrators": "管理员",
}
ROOT_PAGE_PERMISSIONS = {
    "editors": ["add_page", "change_page"],
    "reviewers": ["change_page"],
    "secrecy": ["change_page"],
    "leaders": ["change_page"],
    "administrators": ["add_page", "change_page", "publish_page", "bulk_delete_page"],
}


def ensure_organisation_roles(apps, organisation):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    OrganisationRole = apps.get_model("moderation", "OrganisationRole")
    groups = {}
    for role, site_wide_name in GROUP_NAMES.items():
        link = OrganisationRole.objects.filter(organisation_id=organisation.pk, role=role).first()
        if link is not None:
            groups[role] = link.group
            continue
        group, _ = Group.objects.get_or_create(name=f"{organisation.name}·{site_wide_name}")
        site_wide = Group.objects.filter(name=site_wide_name).first()
        if site_wide is not None:
            group.permissions.add(*site_wide.permissions.all())
            for grant in GroupCollectionPermission.objects.filter(group=site_wide):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection_id=grant.collection_id,
                    permission_id=grant.permission_id,
                )
        OrganisationRole.objects.create(organisation_id=organisation.pk, role=role, group=group)
        groups[role] = group
    return groups


def grant_root_permissions(apps, root, groups):
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


def create_default_workflow(apps):
    """Built row by row: in a migration the modelcluster relation `Workflow.workflow_tasks`
    would only be saved with the workflow, so WorkflowTask rows are created directly."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    existing = Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).first()
    if existing is not None:
        return existing
    workflow = Workflow.objects.create(name=DEFAULT_WORKFLOW_NAME, active=True)
    for order, (name, model_name, role) in enumerate(DEFAULT_TASKS):
        model = apps.get_model("moderation", model_name)
        content_type, _ = ContentType.objects.get_or_create(
            app_label="moderation", model=model_name
        )
        task = model.objects.create(name=name, role=role, content_type=content_type, active=True)
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)
    return workflow


def create_workflow_and_attach(apps, schema_editor):
    workflow = create_default_workflow(apps)
    DisclosureIndexPage = apps.get_model("catalogue", "DisclosureIndexPage")
    Organisation = apps.get_model("catalogue", "Organisation")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for root in DisclosureIndexPage.objects.all():
        organisation = Organisation.objects.get(pk=root.organisation_id)
        grant_root_permissions(apps, root, ensure_organisation_roles(apps, organisation))
        if not WorkflowPage.objects.filter(page_id=root.pk).exists():
            WorkflowPage.objects.create(page_id=root.pk, workflow=workflow)


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_review_tasks"),
        ("wagtailcore", "0098_apitoken"),
        ("catalogue", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_workflow_and_attach, remove_workflow)]
