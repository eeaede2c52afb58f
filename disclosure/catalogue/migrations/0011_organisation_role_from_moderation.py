"""OrganisationRole was created by moderation (moderation 0002_review_tasks); it moves here as it
is. Only Django's model state changes: the table keeps its name and its rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("catalogue", "0010_staff_organisation_from_moderation"),
        ("moderation", "0009_staff_organisation_moved_to_catalogue"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OrganisationRole",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("role", models.CharField(choices=[("editors", "信息员"), ("reviewers", "初审"), ("secrecy", "保密审查"), ("leaders", "分管领导"), ("administrators", "管理员")], max_length=20, verbose_name="角色")),
                        ("group", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="organisation_role", to="auth.group", verbose_name="用户组")),
                        ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="role_groups", to="catalogue.organisation", verbose_name="公开主体")),
                    ],
                    options={
                        "verbose_name": "机构角色组",
                        "verbose_name_plural": "机构角色组",
                        "db_table": "moderation_organisationrole",
                        "constraints": [models.UniqueConstraint(fields=("organisation", "role"), name="one_group_per_role")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
