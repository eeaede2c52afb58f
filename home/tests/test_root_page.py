"""What Wagtail's migrations create in English is named in Chinese (migration home.0003)."""

from wagtail.models import Page


def test_root_page_and_collection_are_named_in_chinese(db):
    from wagtail.models import Collection

    root = Page.objects.get(depth=1)
    assert (root.title, root.draft_title) == ("根目录", "根目录")
    assert Collection.get_first_root_node().name == "根目录"


def test_wagtails_default_groups_and_workflow_are_named_in_chinese(db):
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert Group.objects.filter(name__in=["系统默认审核组", "系统默认编辑组"]).count() == 2
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
