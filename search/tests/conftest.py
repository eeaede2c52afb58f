import pytest
from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage, Organisation


def add_page(parent, page, live=True):
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return page


@pytest.fixture
def corpus(db):
    """Two organisations' columns and items, with drafts and a view-restricted page."""
    home = Page.objects.get(depth=2)
    township = Organisation.objects.create(name="友谊镇人民政府")
    county = Organisation.objects.create(name="和平县医疗保障局")
    t_root = add_page(home, DisclosureIndexPage(title="友谊镇政府信息公开", organisation=township))
    c_root = add_page(home, DisclosureIndexPage(title="和平县医保局信息公开", organisation=county))
    budget = add_page(t_root, CategoryPage(title="预算决算", intro="<p>部门预算和决算。</p>"))
    guide = add_page(c_root, CategoryPage(title="办事指南", intro="<p>医疗保障办事指南。</p>"))
    pages = {
        "budget": budget,
        "guide": guide,
        "budget_2022": add_page(
            budget,
            CategoryPage(title="友谊镇2022年部门预算公开", intro="<p>本镇部门预算如下。</p>"),
        ),
        "dibao_body": add_page(
            guide,
            CategoryPage(title="申请指南", intro="<p>最低生活保障（低保）申请办理流程。</p>"),
        ),
        "dibao_title": add_page(
            guide, CategoryPage(title="低保申请须知", intro="<p>请携带身份证。</p>")
        ),
        "traditional": add_page(
            guide, CategoryPage(title="醫療保障資訊公開", intro="<p>繁體字頁面。</p>")
        ),
        "draft": add_page(
            guide, CategoryPage(title="低保草稿未发布", intro="<p>低保。</p>"), live=False
        ),
        "restricted": add_page(guide, CategoryPage(title="低保内部资料", intro="<p>低保。</p>")),
    }
    PageViewRestriction.objects.create(
        page=pages["restricted"], restriction_type="password", password="x"
    )
    pages["township_root"], pages["county_root"] = t_root, c_root
    return pages


@pytest.fixture
def items(corpus):
    """Catalogue items under the township's budget column: metadata, a table, domains."""
    from disclosure.catalogue.models import BudgetPage, DisclosureDocumentPage, Domain

    social, _ = Domain.objects.get_or_create(name="社会救助")
    budget_domain, _ = Domain.objects.get_or_create(name="财政预决算")
    table = {"data": [["项目", "金额"], ["城乡居民养老保险补助", "1200"]]}
    found = {
        "table": add_page(
            corpus["budget"],
            BudgetPage(
                title="2023年部门预算",
                year=2023,
                kind="budget",
                body=[("table", table)],
                domain=budget_domain,
                summary="本年度收支总表",
                keywords="三公经费，政府采购",
                doc_number="友财发〔2023〕7号",
            ),
        ),
        "abolished": add_page(
            corpus["budget"],
            DisclosureDocumentPage(
                title="临时救助实施办法",
                body=[("heading", "第一章"), ("paragraph", "<p>临时救助对象。</p>")],
                domain=social,
                validity="abolished",
                abolished_on="2024-01-01",
            ),
        ),
        "valid": add_page(
            corpus["budget"],
            DisclosureDocumentPage(
                title="临时救助审批流程",
                body=[("paragraph", "<p>临时救助审批。</p>")],
                domain=social,
            ),
        ),
    }
    for page in found.values():
        page.refresh_from_db()
    found["domains"] = {"social": social, "budget": budget_domain}
    return found
