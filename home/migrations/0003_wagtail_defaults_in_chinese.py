from django.db import migrations

# What Wagtail's own migrations create with English names, and every admin screen shows them:
# the tree's root page (the page explorer, its breadcrumbs, the move and copy choosers), the root
# collection (collections, document and image forms), the default groups (the user and group
# admin) and the default workflow with its task (the workflow reports). A later Wagtail migration that looks these groups up by their English name would
# no longer find them; Wagtail 8.0's last one (wagtailcore 0098) does not.
ROOT = ("Root", "根目录")
GROUPS = [("Moderators", "系统默认审核组"), ("Editors", "系统默认编辑组")]
WORKFLOW = ("Moderators approval", "系统默认审核")


def rename(apps, forwards):
    Page = apps.get_model("wagtailcore", "Page")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Collection = apps.get_model("wagtailcore", "Collection")
    Task = apps.get_model("wagtailcore", "Task")

    def pair(names):
        return names if forwards else names[::-1]

    old, new = pair(ROOT)
    root_ids = list(Page.objects.filter(depth=1, title=old).values_list("pk", flat=True))
    Page.objects.filter(pk__in=root_ids).update(title=new, draft_title=new)
    PageLogEntry.objects.filter(page_id__in=root_ids, label=old).update(label=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)
    for names in GROUPS:
        old, new = pair(names)
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    old, new = pair(WORKFLOW)
    Workflow.objects.filter(name=old).update(name=new)
    Task.objects.filter(name=old).update(name=new)


def to_chinese(apps, schema_editor):
    rename(apps, forwards=True)


def to_english(apps, schema_editor):
    rename(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(to_chinese, to_english)]
