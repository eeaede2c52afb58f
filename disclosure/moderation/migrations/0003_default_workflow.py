from django.db import migrations

from disclosure.moderation.placement import (
    DEFAULT_WORKFLOW_NAME,
    create_default_workflow,
    set_up_disclosure_root,
)


def create_workflow_and_attach(apps, schema_editor):
    create_default_workflow(apps)
    DisclosureIndexPage = apps.get_model("catalogue", "DisclosureIndexPage")
    for root in DisclosureIndexPage.objects.all():
        set_up_disclosure_root(root, apps)


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
