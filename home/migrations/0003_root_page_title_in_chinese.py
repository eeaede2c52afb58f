from django.db import migrations

ROOT_TITLE = "根目录"


def name_root_in_chinese(apps, schema_editor):
    """Wagtail's migrations create the tree's root page titled "Root"; the page explorer, its
    breadcrumbs and the move/copy choosers show that title to every editor."""
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)


def name_root_in_english(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(name_root_in_chinese, name_root_in_english)]
