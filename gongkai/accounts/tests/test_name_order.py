"""People are named as they write their names: a Chinese name 姓名, family name first and no
space (张三, never “三 张”); a name in Latin letters “First Last”. One rule
(gongkai/accounts/names.py) behind Django's `get_full_name`, which Wagtail's
`get_user_display_name`, its user listing and the project's mails and records all read."""

import pytest
from django.urls import reverse
from wagtail.admin.utils import get_user_display_name

from disclosure.catalogue.tests.factories import CategoryPageFactory
from disclosure.moderation.mail.notifications import named
from gongkai.accounts.names import full_name
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("first_name", "last_name", "shown"),
    [
        ("三", "张", "张三"),
        ("小红", "李", "李小红"),
        ("建国", "欧阳", "欧阳建国"),
        ("李小红", "", "李小红"),  # the whole name in one field
        ("", "王", "王"),
        ("John", "Smith", "John Smith"),
        ("Zhang", "", "Zhang"),
        ("", "", ""),
        (" 三 ", " 张 ", "张三"),
    ],
)
def test_the_rule(first_name, last_name, shown):
    assert full_name(first_name, last_name) == shown


@pytest.fixture
def zhang(db):
    return UserFactory(username="zhangsan", first_name="三", last_name="张")


def test_django_and_wagtail_name_a_chinese_user_family_name_first(zhang):
    assert zhang.get_full_name() == "张三"
    assert get_user_display_name(zhang) == "张三"
    assert named(zhang) == "张三"
    smith = UserFactory(username="smith", first_name="John", last_name="Smith")
    assert get_user_display_name(smith) == "John Smith"


def test_the_user_listing_and_the_page_history_show_the_chinese_order(client, zhang):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "张三" in listing and "三 张" not in listing
    page = CategoryPageFactory(title="姓名顺序测试页", live=False, revised_by=zhang)
    page.save_revision(user=zhang, log_action=True)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "张三" in history and "三 张" not in history


def _sidebar_account_name(client, user):
    import json
    import re

    client.force_login(user)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S).group(1)
    return json.dumps(json.loads(props), ensure_ascii=False)


def test_the_sidebar_names_a_chinese_user_by_the_whole_name(client, db):
    zhang = UserFactory(username="zhangsan", first_name="三", last_name="张", is_superuser=True)
    assert '"name": "张三"' in _sidebar_account_name(client, zhang)


def test_the_sidebar_names_a_latin_user_by_the_first_name_and_a_nameless_one_by_username(
    client, db
):
    smith = UserFactory(username="smith", first_name="John", last_name="Smith", is_superuser=True)
    assert '"name": "John"' in _sidebar_account_name(client, smith)
    anon = UserFactory(username="wuming", first_name="", last_name="", is_superuser=True)
    assert '"name": "wuming"' in _sidebar_account_name(client, anon)
