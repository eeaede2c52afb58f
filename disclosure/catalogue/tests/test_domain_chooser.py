"""The 主题分类 chooser and listing search the domains (issue 17: 3 pages of 10, no search).
The 26 domains of the grassroots standard catalogue come with the migrations."""

from django.urls import reverse

from disclosure.catalogue.models import Domain


def chooser_url(view="choose"):
    return reverse(Domain.snippet_viewset.chooser_viewset.get_url_name(view))


def results(client, **query):
    return client.get(chooser_url("choose_results"), query).content.decode()


def test_chooser_offers_a_search_field(admin_client):
    html = admin_client.get(chooser_url()).json()["html"]
    assert 'name="q"' in html and "搜索主题分类" in html


def test_chooser_finds_part_of_a_chinese_name(admin_client):
    found = results(admin_client, q="救")
    assert "社会救助" in found and "救灾" in found and "义务教育" not in found
    assert "义务教育" in results(admin_client, q="教育")


def test_chooser_searches_the_description(admin_client):
    Domain.objects.filter(name="社会救助").update(description="最低生活保障、特困人员供养")
    assert "社会救助" in results(admin_client, q="特困")


def test_without_a_query_the_chooser_pages_through_every_domain(admin_client):
    assert Domain.objects.count() > 10
    first, last = Domain.objects.first(), Domain.objects.last()
    assert first.name in results(admin_client) and last.name not in results(admin_client)
    assert last.name in results(admin_client, p=(Domain.objects.count() + 9) // 10)


def test_listing_searches_too(admin_client):
    listing = admin_client.get(
        reverse(Domain.snippet_viewset.get_url_name("list")), {"q": "医疗"}
    ).content.decode()
    assert "医疗卫生" in listing and "义务教育" not in listing
