"""One short name (简称) per organisation. A database that already has two organisations with
one short name stops here with their names: which one keeps it is the operator's decision (the
other may need a new short name, or the two may be one organisation entered twice), not one a
migration can make by itself."""

from django.db import migrations, models
from django.db.models import Count


def refuse_shared_short_names(apps, schema_editor):
    Organisation = apps.get_model("catalogue", "Organisation")
    shared = (
        Organisation.objects.exclude(short_name="")
        .values("short_name")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .values_list("short_name", flat=True)
    )
    lines = [
        "简称“{}”：{}".format(
            short_name,
            "、".join(
                Organisation.objects.filter(short_name=short_name)
                .order_by("name")
                .values_list("name", flat=True)
            ),
        )
        for short_name in shared
    ]
    if lines:
        raise RuntimeError(
            "以下公开主体的简称重复，请在后台“公开主体”中修改为各不相同的简称后再迁移：\n"
            + "\n".join(lines)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0011_organisation_role_from_moderation"),
    ]

    operations = [
        migrations.RunPython(refuse_shared_short_names, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("short_name", ""), _negated=True),
                fields=("short_name",),
                name="catalogue_organisation_short_name_unique",
                violation_error_message="这个简称已被另一个公开主体使用。",
            ),
        ),
    ]
