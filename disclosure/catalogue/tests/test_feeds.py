import pytest
from wagtail.models import PageViewRestriction

from disclosure.catalogue.models import CategoryPage, Domain
from tests.factories import publish_fixture

from .factories import CategoryPageFactory, day
from .feed_reading import feed_items

pytestmark = pytest.mark.django_db


def test_column_feed_lists_its_items_newest_first_with_metadata(client, category, make_document):
    make_document(title="旧通知", published_on=day("2021-01-05"))
    make_document(
        title="关于燃气安全检查的通知",
        published_on=day("2023-04-01"),
        summary="开展燃气安全检查。",
        domain=Domain.objects.get(name="安全生产"),
    )

    channel, items = feed_items(client, f"{category.url}rss/")

    assert channel.findtext("title") == "测试镇人民政府 · 政策信息"
    assert [item.findtext("title") for item in items] == ["关于燃气安全检查的通知", "旧通知"]
    newest = items[0]
    assert newest.findtext("description") == "开展燃气安全检查。"
    assert newest.findtext("link").startswith("http://") and "rss" not in newest.findtext("link")
    assert "01 Apr 2023" in newest.findtext("pubDate")
    assert newest.findtext("category") == "安全生产"
    assert newest.findtext("guid").startswith("1123052200432650XW/2023-")


def test_organisation_feed_covers_every_column_and_hides_drafts_and_restricted(
    client, disclosure_root, category, make_document
):
    other = CategoryPageFactory(parent=disclosure_root, title="机构职能", slug="functions")
    restricted = CategoryPageFactory(parent=disclosure_root, title="内部栏目", slug="internal")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    make_document(title="栏目一的文件")
    make_document(title="栏目二的文件", parent=other)
    make_document(title="受限栏目的文件", parent=restricted)
    draft = make_document(title="草稿")
    draft.unpublish()

    channel, items = feed_items(client, f"{disclosure_root.url}rss/")

    assert channel.findtext("title") == "测试镇人民政府 · 政府信息公开"
    assert sorted(item.findtext("title") for item in items) == ["栏目一的文件", "栏目二的文件"]


def test_pages_announce_their_feed(client, disclosure_root, category):
    for page in (disclosure_root, category):
        html = client.get(page.url).content.decode()
        assert (
            f'<link rel="alternate" type="application/rss+xml" title="{page.title} RSS" '
            f'href="{page.url}rss/">'
        ) in html
    # And in sight, not only to feed readers: the column says how to subscribe.
    html = client.get(category.url).content.decode()
    assert f'<a href="{category.url}rss/" type="application/rss+xml">订阅本栏目（RSS）</a>' in html


def test_column_page_still_renders_and_unknown_routes_are_404(client, category):
    assert client.get(category.url).status_code == 200
    assert client.get(f"{category.url}nothing-here/").status_code == 404


def test_rss_is_refused_as_the_slug_of_a_page_below_a_feed(category, make_document):
    from django.core.exceptions import ValidationError

    from disclosure.catalogue.models import DisclosureDocumentPage

    with pytest.raises(ValidationError) as raised:
        make_document(title="订阅说明", slug="rss")
    assert "RSS 订阅的地址" in str(raised.value.message_dict["slug"])
    column = CategoryPage(title="订阅", slug="rss")
    with pytest.raises(ValidationError):
        category.get_parent().add_child(instance=column)
    page = make_document(title="订阅说明", slug="rss-help")
    page.slug = "rss"
    with pytest.raises(ValidationError):
        page.full_clean()
    assert DisclosureDocumentPage.objects.filter(slug="rss").count() == 0


def test_the_editor_is_told_why_rss_is_refused(client, category, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    url = f"/admin/pages/add/catalogue/categorypage/{category.pk}/"

    # A page never published takes the first free address instead (title_slugs.py) ...
    assert client.post(url, {"title": "订阅", "slug": "rss"}).status_code == 302
    assert not CategoryPage.objects.filter(slug="rss").exists()
    new = CategoryPage.objects.get(title="订阅")
    assert new.slug == "rss-2"
    # ... a published one keeps its address unless the editor changes it, and is told why not rss.
    publish_fixture(new)
    edit = f"/admin/pages/{new.pk}/edit/"
    response = client.post(edit, {"title": "订阅", "slug": "rss"})
    assert response.status_code == 200
    assert "RSS 订阅的地址" in response.content.decode()
    assert not CategoryPage.objects.filter(slug="rss").exists()
    assert client.post(edit, {"title": "订阅", "slug": "sub"}).status_code == 302
    assert CategoryPage.objects.get(pk=new.pk).get_latest_revision_as_object().slug == "sub"


def test_a_child_called_rss_anyway_is_served_instead_of_the_feed(client, category, make_document):
    # Made in code or imported (editors are refused the slug): routing prefers the live page.
    page = make_document(title="订阅说明", slug="rss-help")
    type(page).objects.filter(pk=page.pk).update(slug="rss", url_path=page.url_path[:-9] + "rss/")
    response = client.get(f"{category.url}rss/")
    assert response.status_code == 200
    assert "订阅说明" in response.content.decode()
    assert not response["Content-Type"].startswith("application/rss+xml")
    feed_items(client, f"{category.get_parent().url}rss/")  # other feeds are untouched


def test_a_summary_with_markup_reaches_feed_readers_as_text(client, category, make_document):
    summary = '<img src=x onerror="alert(1)">燃气<b>检查</b>'
    make_document(title="带标记的摘要", summary=summary)

    _channel, items = feed_items(client, f"{category.url}rss/")

    # Feed readers render a description as HTML: it must carry the markup as escaped text.
    assert items[0].findtext("description") == (
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;燃气&lt;b&gt;检查&lt;/b&gt;"
    )
