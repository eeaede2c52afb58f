"""StaffOrganisation was created by moderation (moderation 0006_staff_organisation); it moves
here as it is. Only Django's model state changes: the table keeps its name and its rows."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("catalogue", "0009_published_on_source"),
        ("moderation", "0006_staff_organisation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StaffOrganisation",
                    fields=[
                        ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name="staff_organisation", serialize=False, to=settings.AUTH_USER_MODEL, verbose_name="用户")),
                        ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="staff", to="catalogue.organisation", verbose_name="所属公开主体")),
                    ],
                    options={
                        "verbose_name": "工作人员所属机构",
                        "verbose_name_plural": "工作人员所属机构",
                        "db_table": "moderation_stafforganisation",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
