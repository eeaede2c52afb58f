"""The user form's 角色 tab names the superuser flag 超级管理员, apart from the role group
<机构>·管理员 listed beside it."""

from django.urls import reverse


def test_the_superuser_checkbox_reads_super_administrator(client, small_office):
    users = small_office["users"]
    client.force_login(users["admin"])
    response = client.get(reverse("wagtailusers_users:edit", args=[users["reviewer"].pk]))
    assert str(response.context["form"].fields["is_superuser"].label) == "超级管理员"
