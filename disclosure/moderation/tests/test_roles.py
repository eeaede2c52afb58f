from django.conf import settings
from django.contrib.auth.models import Group


def test_every_role_exists_on_a_fresh_database(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"信息员", "初审", "保密审查", "分管领导", "管理员"} <= names
    assert set(settings.GONGKAI_GROUPS.values()) <= names


def test_every_role_can_reach_the_admin(db):
    for name in settings.GONGKAI_GROUPS.values():
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


def test_only_editors_and_administrators_upload_attachments(db):
    def can_add_documents(name):
        return (
            Group.objects.get(name=name)
            .collection_permissions.filter(permission__codename="add_document")
            .exists()
        )

    assert can_add_documents("信息员")
    assert can_add_documents("管理员")
    assert not can_add_documents("初审")
    assert not can_add_documents("分管领导")
