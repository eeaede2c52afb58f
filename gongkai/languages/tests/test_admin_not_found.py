"""A missing admin address answers in the language the signed-in user chose for the admin
(Wagtail's account setting), as every admin screen does, not in the site's Chinese."""

import pytest
from wagtail.users.models import UserProfile

from tests.factories import UserFactory


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_superuser=True, is_staff=True)


def not_found(client, user, path):
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 404
    return response.content.decode()


@pytest.mark.parametrize("path", ["/admin/no-such-screen/", "/admin/pages/987654/edit/"])
def test_an_english_admin_user_reads_the_404_in_english(client, staff, path):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    html = not_found(client, staff, path)
    assert "The requested page could not be found." in html
    assert "找不到请求的页面" not in html


def test_a_chinese_admin_user_reads_it_in_chinese(client, staff):
    assert "找不到请求的页面" in not_found(client, staff, "/admin/no-such-screen/")


def test_the_public_404_follows_the_address(client, staff):
    """Outside the admin the address's language decides, whatever the account says."""
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    assert "页面不存在" in not_found(client, staff, "/no-such-page/")
