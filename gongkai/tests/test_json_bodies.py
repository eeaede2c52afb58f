"""Deeply nested JSON bodies are refused with 400 before a view parses them."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from gongkai.json_bodies import nesting_depth

pytestmark = pytest.mark.django_db


def test_nesting_depth_ignores_brackets_inside_strings():
    assert nesting_depth(b'{"a": [1, {"b": "[[[[{{{{\\"]]"}]}') == 3
    assert nesting_depth(b"[]") == 1 and nesting_depth(b"42") == 0


@pytest.mark.parametrize("action", ["publish", "revert_to_page_revision", "move", "copy"])
def test_a_hundred_thousand_brackets_to_an_admin_api_action_answer_400(client, action):
    admin = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(admin)
    page = Page.objects.get(depth=2)
    body = "[" * 100_000 + "]" * 100_000
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "嵌套过深" in response.json()["detail"]


def test_an_ordinary_body_still_reaches_the_view(client):
    admin = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(admin)
    page = Page.objects.get(depth=2)
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/copy/",
        {"destination_page_id": page.pk, "recursive": False, "update_attrs": {"slug": "c"}},
        content_type="application/json",
    )
    assert response.status_code < 500 and "嵌套过深" not in response.content.decode()
