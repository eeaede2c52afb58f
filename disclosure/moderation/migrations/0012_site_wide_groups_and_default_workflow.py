"""The site-wide role groups and the default review workflow, recorded by key: found here once
by the names they were created with (0001_roles, 0003_default_workflow), then by these rows
whatever site administrators rename them to. Names frozen as they were when this migration was
written."""

import django.db.models.deletion
from django.db import migrations, models

GROUP_NAMES = {
    "editors": "信息员",
    "reviewers": "初审",
    "secrecy": "保密审查",
    "leaders": "分管领导",
    "administrators": "管理员",
}
DEFAULT_WORKFLOW_NAME = "政府信息公开先审后发"


def record_by_key(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    SiteWideGroup = apps.get_model("accounts", "SiteWideGroup")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    DefaultWorkflow = apps.get_model("moderation", "DefaultWorkflow")
    for key, name in GROUP_NAMES.items():
        group = Group.objects.filter(name=name).first()
        # One renamed already is not guessed at: `manage.py check` names it as missing.
        if group is not None:
            SiteWideGroup.objects.get_or_create(key=key, defaults={"group": group})
    workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).first()
    if workflow is not None:
        DefaultWorkflow.objects.get_or_create(id=1, defaults={"workflow": workflow})


def forget_keys(apps, schema_editor):
    apps.get_model("accounts", "SiteWideGroup").objects.filter(key__in=GROUP_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_site_wide_groups"),
        ("moderation", "0011_calendar_for_site_administrators_only"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="DefaultWorkflow",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(
                        default=1, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "workflow",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.workflow",
                        verbose_name="工作流",
                    ),
                ),
            ],
            options={
                "verbose_name": "默认审核工作流",
                "verbose_name_plural": "默认审核工作流",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="one_default_workflow"
                    )
                ],
            },
        ),
        migrations.RunPython(record_by_key, forget_keys),
    ]
