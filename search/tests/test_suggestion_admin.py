"""The "推荐搜索词" list is site-wide: site administrators edit it, no organisation role does."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from gongkai.accounts.roles import Role
from search.models import SearchSuggestion
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

ADD_URL = "/admin/snippets/search/searchsuggestion/add/"


@pytest.mark.django_db
def test_a_site_administrator_adds_a_suggestion(client, demo):
    client.login(username="admin", password=demo)
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, {"text": "政府信息公开指南", "sort_order": "1"})
    assert response.status_code == 302
    assert SearchSuggestion.objects.get().text == "政府信息公开指南"


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_no_role_of_an_organisation_may_add_one(client, demo, role):
    user = get_user_model().objects.create_user("role-user", password="x", is_staff=False)
    user.groups.add(Group.objects.get(name=role.group_name))
    client.login(username="role-user", password="x")
    response = client.post(ADD_URL, {"text": "诈骗电话", "sort_order": "0"})
    assert response.status_code in (302, 403)
    assert not SearchSuggestion.objects.exists()
