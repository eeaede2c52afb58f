"""A corpus of two organisations' columns and items to search."""

import pytest
from wagtail.models import PageViewRestriction

from disclosure.catalogue.tests.factories import (
    BudgetPageFactory,
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
)


@pytest.fixture
def corpus(db):
    """Two organisations' columns and items, with drafts and a view-restricted page."""
    t_root = DisclosureIndexPageFactory(
        organisation__name="友谊镇人民政府", title="友谊镇政府信息公开"
    )
    c_root = DisclosureIndexPageFactory(
        organisation__name="和平县医疗保障局", title="和平县医保局信息公开"
    )
    budget = CategoryPageFactory(parent=t_root, title="预算决算", intro="<p>部门预算和决算。</p>")
    guide = CategoryPageFactory(parent=c_root, title="办事指南", intro="<p>医疗保障办事指南。</p>")

    def column(title, intro, parent=guide, **fields):
        return CategoryPageFactory(parent=parent, title=title, intro=intro, **fields)

    pages = {
        "budget": budget,
        "guide": guide,
        "budget_2022": column(
            "友谊镇2022年部门预算公开", "<p>本镇部门预算如下。</p>", parent=budget
        ),
        "dibao_body": column("申请指南", "<p>最低生活保障（低保）申请办理流程。</p>"),
        "dibao_title": column("低保申请须知", "<p>请携带身份证。</p>"),
        "traditional": column("醫療保障資訊公開", "<p>繁體字頁面。</p>"),
        "draft": column("低保草稿未发布", "<p>低保。</p>", live=False),
        "restricted": column("低保内部资料", "<p>低保。</p>"),
    }
    PageViewRestriction.objects.create(
        page=pages["restricted"], restriction_type="password", password="x"
    )
    pages["township_root"], pages["county_root"] = t_root, c_root
    return pages


@pytest.fixture
def items(corpus):
    """Catalogue items under the township's budget column: metadata, a table, domains."""
    from disclosure.catalogue.models import Domain

    social, _ = Domain.objects.get_or_create(name="社会救助")
    budget_domain, _ = Domain.objects.get_or_create(name="财政预决算")
    table = {"data": [["项目", "金额"], ["城乡居民养老保险补助", "1200"]]}
    found = {
        "table": BudgetPageFactory(
            parent=corpus["budget"],
            year=2023,
            body=[("table", table)],
            domain=budget_domain,
            summary="本年度收支总表",
            keywords="三公经费，政府采购",
            doc_number="友财发〔2023〕7号",
        ),
        "abolished": DisclosureDocumentPageFactory(
            parent=corpus["budget"],
            title="临时救助实施办法",
            body=[("heading", "第一章"), ("paragraph", "<p>临时救助对象。</p>")],
            domain=social,
            validity="abolished",
            abolished_on="2024-01-01",
        ),
        "valid": DisclosureDocumentPageFactory(
            parent=corpus["budget"],
            title="临时救助审批流程",
            body=[("paragraph", "<p>临时救助审批。</p>")],
            domain=social,
        ),
    }
    found["domains"] = {"social": social, "budget": budget_domain}
    return found
