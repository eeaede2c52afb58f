import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from disclosure.catalogue.models import (
    BudgetPage,
    DisclosureDocumentPage,
    Domain,
    PolicyDocumentPage,
)

from .factories import (
    TOWNSHIP_CODE,
    BudgetPageFactory,
    CategoryPageFactory,
    OrganisationFunctionPageFactory,
    PolicyDocumentPageFactory,
    ServiceGuidePageFactory,
    ServiceItemListPageFactory,
    day,
)

pytestmark = pytest.mark.django_db


def test_item_page_shows_metadata_table_and_meta_tags(client, make_document):
    domain = Domain.objects.get(name="环境保护")
    page = make_document(
        domain=domain,
        written_on=day("2022-03-01"),
        published_on=day("2022-03-05"),
        doc_number="友政发〔2022〕3号",
        keywords="垃圾分类, 环境 卫生",
        summary="部署垃圾分类工作。",
    )
    html = client.get(page.url).content.decode()
    for text in [
        "索引号",
        f"{TOWNSHIP_CODE}/2022-00001",
        "环境保护",
        "测试镇人民政府",
        "2022-03-01",
        "2022-03-05",
        "友政发〔2022〕3号",
        "有效",
        "垃圾分类、环境、卫生",
        "部署垃圾分类工作。",
        '<meta name="ColumnName" content="政策信息">',
        '<meta name="PubDate" content="2022-03-05">',
        '<meta name="ContentSource" content="测试镇人民政府">',
        '<meta name="Keywords" content="垃圾分类,环境,卫生">',
        '<meta name="Description" content="部署垃圾分类工作。">',
        '<meta name="Url" content="http',
    ]:
        assert text in html, text
    assert "validity-banner" not in html
    assert html.count("<h1") == 1


def test_abolished_item_shows_a_banner(client, make_document):
    page = make_document(validity="abolished", abolished_on=day("2024-01-01"))
    html = client.get(page.url).content.decode()
    assert "本文件已废止" in html and "2024年1月1日" in html


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"validity": "abolished"}, "abolished_on"),
        ({"validity": "valid", "abolished_on": day("2024-01-01")}, "validity"),
        ({"effective_on": day("2024-02-01"), "abolished_on": day("2024-01-01")}, "abolished_on"),
        ({"written_on": day("2024-02-01"), "published_on": day("2024-01-01")}, "published_on"),
        ({"written_on": timezone.localdate() + datetime.timedelta(days=1)}, "written_on"),
    ],
)
def test_metadata_validation(category, fields, field):
    fields.setdefault("validity", "expired")
    page = DisclosureDocumentPage(title="文件", slug="doc", body=[], **fields)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


def test_keyword_list_splits_on_chinese_and_latin_separators():
    page = DisclosureDocumentPage(keywords="燃气安全，食品安全、 垃圾分类;老旧小区")
    assert page.keyword_list == ["燃气安全", "食品安全", "垃圾分类", "老旧小区"]


def test_function_page_falls_back_to_organisation_contacts(client, category, organisation):
    organisation.address = "友谊县站前街137号"
    organisation.save()
    page = OrganisationFunctionPageFactory(
        parent=category,
        title="友谊镇机构职能",
        functions="<p>贯彻执行党和国家的方针政策。</p>",
        leaders=[("leader", {"name": "张三", "post": "镇长", "duties": "主持全面工作"})],
        internal_bodies=[("body", {"name": "综合办公室", "duties": "文电会务", "phone": ""})],
        phone="0469-5818672",
    )
    html = client.get(page.url).content.decode()
    assert "友谊县站前街137号" in html and "0469-5818672" in html
    assert "张三" in html and "综合办公室" in html


def test_budget_page_renders_table_and_validates_year(client, category):
    table = {
        "data": [["项目", "金额（万元）"], ["一般公共预算", "1200"]],
        "first_row_is_table_header": True,
    }
    page = BudgetPageFactory(parent=category, year=2022, body=[("table", table)])
    html = client.get(page.url).content.decode()
    assert "一般公共预算" in html and "预算" in html
    with pytest.raises(ValidationError):
        BudgetPage(title="x", slug="x", year=22, kind="budget").full_clean()


def test_service_guide_renders_materials_and_steps(client, category):
    page = ServiceGuidePageFactory(
        parent=category,
        title="城乡居民最低生活保障办事指南",
        item_name="最低生活保障申请",
        item_type="行政给付",
        conditions="户籍在本镇的困难家庭。",
        materials=[("material", {"name": "户口簿", "copies": 1, "form": "原件", "notes": ""})],
        steps=[
            ("step", {"title": "申请", "description": "到便民服务中心提交"}),
            ("step", {"title": "审核", "description": ""}),
        ],
        consultation_phone="0469-5818672",
    )
    html = client.get(page.url).content.decode()
    for text in [
        "最低生活保障申请",
        "行政给付",
        "户口簿",
        "<li><strong>申请</strong>",
        "0469-5818672",
    ]:
        assert text in html, text


def test_service_item_list_links_guides_and_downloads_xlsx(client, category):
    guide = ServiceGuidePageFactory(parent=category, title="办事指南甲", item_name="甲")
    item = {
        "name": "居住证明",
        "department": "便民服务中心",
        "basis": "",
        "time_limit": "即办",
        "charged": False,
        "location": "镇便民服务中心",
        "guide": guide,
    }
    page = ServiceItemListPageFactory(parent=category, items=[("item", item)])
    html = client.get(page.url).content.decode()
    assert f'href="{guide.url}"' in html and "xlsx/" in html
    response = client.get(page.url + "xlsx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][:2] == ["序号", "事项名称"]
    assert [c.value for c in sheet[3]] == [
        1,
        "居住证明",
        "便民服务中心",
        None,
        "即办",
        "否",
        "镇便民服务中心",
    ]


@pytest.mark.parametrize("hidden_by", ["draft", "column taken down", "view restriction"])
def test_service_item_list_links_only_public_guides(client, category, hidden_by):
    """A guide the public cannot see would be a link to a 404 or a login form: the name only."""
    parent = category
    if hidden_by == "column taken down":
        parent = CategoryPageFactory(parent=category.get_parent(), slug="down", live=False)
    elif hidden_by == "view restriction":
        parent = CategoryPageFactory(parent=category.get_parent(), slug="internal")
        PageViewRestriction.objects.create(page=parent, restriction_type="login")
    guide = ServiceGuidePageFactory(
        parent=parent, title="办事指南乙", item_name="乙", live=hidden_by != "draft"
    )
    shown = ServiceGuidePageFactory(parent=category, title="办事指南丙", item_name="丙")
    items = [
        ("item", {"name": name, "department": "便民服务中心", "guide": linked})
        for name, linked in (("户籍证明", guide), ("居住证明", shown))
    ]
    page = ServiceItemListPageFactory(parent=category, items=items)
    html = client.get(page.url).content.decode()
    assert "户籍证明" in html and f'href="{guide.url}"' not in html
    assert f'href="{shown.url}"' in html


def test_policy_and_interpretation_link_both_ways(client, category):
    policy = PolicyDocumentPageFactory(
        parent=category,
        title="友谊镇燃气安全管理办法",
        kind="normative",
        body=[("paragraph", "<p>条款。</p>")],
    )
    reading = PolicyDocumentPageFactory(
        parent=category,
        title="《友谊镇燃气安全管理办法》政策解读",
        kind="interpretation",
        interpreted_policy=policy,
        body=[("paragraph", "<p>解读。</p>")],
    )
    assert f'href="{reading.url}"' in client.get(policy.url).content.decode()
    assert f'href="{policy.url}"' in client.get(reading.url).content.decode()


def test_interpretation_must_name_its_policy(category):
    with pytest.raises(ValidationError) as error:
        PolicyDocumentPage(title="解读", slug="r", kind="interpretation", body=[]).full_clean()
    assert "interpreted_policy" in error.value.message_dict


def test_api_exposes_metadata(client, make_document):
    page = make_document(doc_number="友政发〔2022〕3号", keywords="燃气 安全")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["index_number"] == page.index_number
    assert data["organisation_name"] == "测试镇人民政府"
    assert data["doc_number"] == "友政发〔2022〕3号"
    assert data["keyword_list"] == ["燃气", "安全"]
    assert data["validity"] == "valid"


def test_view_restriction_of_a_column_still_guards_its_items_and_listing(
    client, disclosure_root, make_document
):
    # Item pages and columns answer Wagtail's restriction check from the ancestors they load
    # for the breadcrumb (models/tree.py): a restriction anywhere above must still apply.
    from wagtail.models import PageViewRestriction

    column = CategoryPageFactory(parent=disclosure_root, title="内部栏目", slug="internal")
    sub = CategoryPageFactory(parent=column, title="子栏目", slug="sub")
    item = make_document(title="受限文件", parent=sub)
    open_item = make_document(title="公开文件")
    assert client.get(item.url).status_code == 200
    PageViewRestriction.objects.create(page=column, restriction_type="login")
    for url in [item.url, sub.url]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(open_item.url).status_code == 200


def test_item_page_carries_all_nine_government_meta_tags(client, make_document):
    from wagtail.models import Site

    from home.models import SiteFooterSettings

    site = Site.objects.get(is_default_site=True)
    SiteFooterSettings.objects.update_or_create(
        site=site, defaults={"sponsor": "测试镇人民政府", "site_id_code": "2302230001"}
    )
    page = make_document(title="关于燃气安全的通知", keywords="燃气", summary="燃气安全。")
    html = client.get(page.url).content.decode()
    for name, content in [
        ("SiteName", "测试镇人民政府"),
        ("SiteIDCode", "2302230001"),
        ("ColumnName", "政策信息"),
        ("ArticleTitle", "关于燃气安全的通知"),
        ("PubDate", page.published_on.isoformat()),
        ("ContentSource", "测试镇人民政府"),
        ("Keywords", "燃气"),
        ("Description", "燃气安全。"),
        ("Url", page.full_url),
    ]:
        assert f'<meta name="{name}" content="{content}">' in html, name
