import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from disclosure.catalogue.models import Domain

from .factories import (
    CategoryPageFactory,
    DisclosureGuidePageFactory,
    DisclosureIndexPageFactory,
    day,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def two_organisations(disclosure_root, category, make_document):
    county_root = DisclosureIndexPageFactory(
        organisation__name="测试县人民政府办公室", title="测试县政府信息公开", slug="county"
    )
    county_column = CategoryPageFactory(parent=county_root, title="规范性文件", slug="policies")
    guide = DisclosureGuidePageFactory(parent=disclosure_root)
    township_item = make_document(title="镇里的文件")
    county_item = make_document(title="县里的文件", parent=county_column)
    draft = make_document(title="草稿")
    draft.unpublish()
    hidden = CategoryPageFactory(parent=disclosure_root, title="内部", slug="internal")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    hidden_item = make_document(title="内部文件", parent=hidden)
    return {
        "listed": [
            disclosure_root,
            category,
            guide,
            township_item,
            county_root,
            county_column,
            county_item,
        ],
        "unlisted": [draft, hidden, hidden_item],
    }


def test_sitemap_lists_every_organisations_public_pages(client, two_organisations):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    for page in two_organisations["listed"]:
        assert page.get_full_url() in locations, page.title
    for page in two_organisations["unlisted"]:
        assert page.get_full_url() not in locations, page.title
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }
    assert all(lastmod[page.get_full_url()] for page in two_organisations["listed"])


def test_api_lists_items_with_their_metadata_and_filters_on_it(client, make_document):
    domain = Domain.objects.get(name="安全生产")
    make_document(
        title="燃气安全通知",
        domain=domain,
        written_on=day("2023-03-01"),
        published_on=day("2023-03-02"),
        doc_number="测政发〔2023〕1号",
        keywords="燃气 安全",
        summary="燃气安全检查。",
    )
    make_document(title="已废止的通知", validity="abolished", abolished_on=day("2023-05-01"))
    fields = [
        "index_number",
        "domain_name",
        "organisation_name",
        "written_on",
        "published_on",
        "doc_number",
        "validity",
        "effective_on",
        "abolished_on",
        "keyword_list",
        "summary",
    ]
    response = client.get(
        "/api/v2/pages/",
        {"type": "catalogue.DisclosureDocumentPage", "fields": ",".join(fields)},
    )
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    current = items["燃气安全通知"]
    assert {name: current[name] for name in fields} == {
        "index_number": current["index_number"],
        "domain_name": "安全生产",
        "organisation_name": "测试镇人民政府",
        "written_on": "2023-03-01",
        "published_on": "2023-03-02",
        "doc_number": "测政发〔2023〕1号",
        "validity": "valid",
        "effective_on": None,
        "abolished_on": None,
        "keyword_list": ["燃气", "安全"],
        "summary": "燃气安全检查。",
    }
    assert current["index_number"].endswith("/2023-00001")
    assert items["已废止的通知"]["abolished_on"] == "2023-05-01"

    valid_only = client.get(
        "/api/v2/pages/", {"type": "catalogue.DisclosureDocumentPage", "validity": "valid"}
    ).json()
    assert [item["title"] for item in valid_only["items"]] == ["燃气安全通知"]


def test_api_exposes_the_guide_and_documents(client, disclosure_root):
    guide = DisclosureGuidePageFactory(parent=disclosure_root, office_name="党政办公室")
    data = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert data["office_name"] == "党政办公室"
    assert data["organisation_name"] == "测试镇人民政府"
    assert client.get("/api/v2/documents/").status_code == 200
