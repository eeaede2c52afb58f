"""Demo catalogue items for 友谊镇, from what its 2022 annual report says the office publishes.

Names of people and the budget figures are marked as examples: the report gives neither.
"""

import datetime

from django.utils import timezone

from .blocks import MaterialForm
from .demo_attachments import attachment, garbage_plan_pdf, old_housing_forms
from .models import (
    BudgetPage,
    CategoryPage,
    DisclosureDocumentPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    Domain,
    OrganisationFunctionPage,
    PolicyDocumentPage,
    PublicationDateSource,
    ServiceGuidePage,
    ServiceItemListPage,
    ServiceKind,
)

# Valid codes (GB 32100-2015 check characters) made up for the demo organisations.
TOWNSHIP_CODE = "1123052200432650XW"
COUNTY_OFFICE_CODE = "112305000043265181"
SERVICE_CENTRE = "友谊镇便民服务中心（友谊县站前街137号）"
OFFICE_HOURS = "周一至周五 上午8:30—11:30，下午13:30—17:00（法定节假日除外）"
OFFICE_HOURS_EN = "Monday to Friday, 8:30–11:30 and 13:30–17:00 (closed on public holidays)"
PHONE = "0469-5818672"


def day(text):
    return datetime.date.fromisoformat(text)


def paragraph(html):
    return ("paragraph", html)


def publish_child(parent, page, user):
    if hasattr(page, "backdate_first_publication"):
        page.backdate_first_publication(PublicationDateSource.DEMO)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def domain(name):
    return Domain.objects.filter(name=name).first()


def function_pages(user, column):
    publish_child(
        column,
        OrganisationFunctionPage(
            title="友谊镇人民政府机构职能",
            slug="jigou-zhineng",
            functions=(
                "<p>贯彻执行党和国家的路线方针政策，执行本级人民代表大会的决议和上级国家行政机关的"
                "决定和命令；管理本镇的经济、教育、科学、文化、卫生、体育事业和财政、民政、公安、"
                "司法行政、计划生育等行政工作；组织推进垃圾分类、燃气安全、食品安全和社区网格化建设。</p>"
            ),
            internal_bodies=[
                (
                    "body",
                    {
                        "name": "综合办公室",
                        "duties": "文电会务、政务公开、依申请公开受理。",
                        "phone": PHONE,
                    },
                ),
                (
                    "body",
                    {
                        "name": "便民服务中心",
                        "duties": "大厅一站式办理便民服务事项，指导五个社区便民服务站。",
                        "phone": PHONE,
                    },
                ),
                (
                    "body",
                    {
                        "name": "社会事务办公室",
                        "duties": "民政、社会救助、养老服务、卫生健康。",
                        "phone": "",
                    },
                ),
            ],
            leaders=[
                (
                    "leader",
                    {"name": "（示例）镇长", "post": "镇长", "duties": "主持镇政府全面工作。"},
                ),
                (
                    "leader",
                    {
                        "name": "（示例）副镇长",
                        "post": "副镇长",
                        "duties": "分管政务公开、便民服务中心。",
                    },
                ),
            ],
            office_hours=OFFICE_HOURS,
            domain=domain("公共法律服务"),
            keywords="机构职能 领导信息 联系方式",
            summary="友谊镇人民政府的机关职能、内设机构、领导分工和联系方式。",
            written_on=day("2022-01-10"),
            published_on=day("2022-01-12"),
        ),
        user,
    )


# The demo's budgets: plausible figures for a township of 友谊镇's size, in 万元, marked as demo
# figures in the table's header and in the text above it (no real office published them).
DEMO_BUDGETS = [
    (
        2022,
        "budget",
        "友谊镇人民政府2022年部门预算",
        [
            ["一般公共预算支出合计", "2,386.52"],
            ["其中：一般公共服务支出", "1,024.30"],
            ["　　　社会保障和就业支出", "412.85"],
            ["　　　农林水支出", "568.20"],
            ["　　　城乡社区支出", "381.17"],
        ],
    ),
    (
        2021,
        "final_accounts",
        "友谊镇人民政府2021年部门决算",
        [
            ["一般公共预算支出合计", "2,297.14"],
            ["其中：基本支出", "1,586.62"],
            ["　　　项目支出", "710.52"],
        ],
    ),
    (
        2022,
        "three_public",
        "友谊镇人民政府2022年“三公”经费预算",
        [
            ["因公出国（境）费", "0.00"],
            ["公务用车购置及运行费", "6.50"],
            ["公务接待费", "2.80"],
            ["合计", "9.30"],
        ],
    ),
]
DEMO_FIGURES_NOTE = "（演示数据）以下金额为演示用示例数字，不是本镇实际公开的预算决算数据。"


def budget_pages(user, column):
    header = ["项目", "金额（万元，演示数据）"]
    for year, kind, title, rows in DEMO_BUDGETS:
        table = {
            "data": [header, *rows],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
        }
        publish_child(
            column,
            BudgetPage(
                title=title,
                year=year,
                kind=kind,
                body=[
                    paragraph(f"<p>{title}说明。{DEMO_FIGURES_NOTE}</p>"),
                    ("table", table),
                ],
                domain=domain("财政预决算"),
                keywords="预算 决算 三公经费",
                summary=f"{title}。",
                published_on=day(f"{year + (kind == 'final_accounts')}-03-20"),
            ),
            user,
        )


# 设定依据 of each guide: a guide without one fails the quarterly inspection (docs/inspection.md).
LEGAL_BASIS = {
    "dibao": "《社会救助暂行办法》",
    "gas-safety": "《城镇燃气管理条例》",
    "old-housing": (
        "《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）"
    ),
}


def service_guides(user, column):
    guides = {}
    for slug, name, item_type, domain_name, conditions, materials in [
        (
            "dibao",
            "城乡居民最低生活保障申请",
            ServiceKind.BENEFIT,
            "社会救助",
            "具有本镇户籍，家庭人均收入低于当地最低生活保障标准。",
            ["户口簿", "居民身份证", "家庭收入情况说明"],
        ),
        (
            "gas-safety",
            "燃气安全隐患报修与入户检查预约",
            ServiceKind.PUBLIC_SERVICE,
            "安全生产",
            "本镇居民住户。",
            ["居民身份证"],
        ),
        (
            "old-housing",
            "老旧小区改造意见登记",
            ServiceKind.PUBLIC_SERVICE,
            "城乡规划",
            "列入改造计划小区的业主。",
            ["房屋产权证明或租赁合同", "居民身份证"],
        ),
    ]:
        guides[slug] = publish_child(
            column,
            ServiceGuidePage(
                title=f"{name}办事指南",
                slug=slug,
                item_name=name,
                item_type=item_type,
                legal_basis=LEGAL_BASIS[slug],
                conditions=conditions,
                materials=[
                    (
                        "material",
                        {"name": m, "copies": 1, "form": MaterialForm.ORIGINAL, "notes": ""},
                    )
                    for m in materials
                ],
                steps=[
                    (
                        "step",
                        {
                            "title": "申请",
                            "description": f"到{SERVICE_CENTRE}或所在社区便民服务站提交材料",
                        },
                    ),
                    (
                        "step",
                        {
                            "title": "受理",
                            "description": "材料齐全的当场受理，一次性告知需补正的材料",
                        },
                    ),
                    ("step", {"title": "办结", "description": "按承诺时限办结并告知结果"}),
                ],
                statutory_time_limit="30个工作日" if slug == "dibao" else "",
                promised_time_limit="20个工作日" if slug == "dibao" else "5个工作日",
                location=SERVICE_CENTRE,
                service_hours=OFFICE_HOURS,
                consultation_phone=PHONE,
                supervision_phone=PHONE,
                domain=domain(domain_name),
                keywords=f"办事指南 {domain_name}",
                summary=f"{name}的受理条件、申请材料、办理流程和时限。",
                published_on=day("2022-04-15"),
                attachments=old_housing_forms() if slug == "old-housing" else [],
            ),
            user,
        )
    return guides


def service_item_list(user, column, guides):
    rows = [
        (
            "城乡居民最低生活保障申请",
            "社会事务办公室",
            "《社会救助暂行办法》",
            "20个工作日",
            SERVICE_CENTRE,
            guides["dibao"],
        ),
        (
            "燃气安全入户检查预约",
            "便民服务中心",
            "",
            "5个工作日",
            "各社区便民服务站",
            guides["gas-safety"],
        ),
        (
            "老旧小区改造意见登记",
            "便民服务中心",
            "",
            "即办",
            "各社区便民服务站",
            guides["old-housing"],
        ),
        ("居住证明开具", "社区便民服务站", "", "即办", "各社区便民服务站", None),
        ("垃圾分类知识咨询", "社区便民服务站", "", "即办", "各社区便民服务站", None),
    ]
    publish_child(
        column,
        ServiceItemListPage(
            title="友谊镇便民服务事项清单（2022年版）",
            slug="service-items-2022",
            intro="<p>镇机关设便民服务中心，五个社区设便民服务站，大厅一站式办理，一次性告知。</p>",
            items=[
                (
                    "item",
                    {
                        "name": n,
                        "department": d,
                        "basis": b,
                        "time_limit": t,
                        "charged": False,
                        "location": loc,
                        "guide": g,
                    },
                )
                for n, d, b, t, loc, g in rows
            ],
            domain=domain("市政服务"),
            keywords="便民服务 事项清单",
            summary="友谊镇便民服务中心和五个社区便民服务站办理的事项。",
            published_on=day("2022-04-20"),
        ),
        user,
    )


NORMATIVE_2023 = [
    ("友谊镇农村人居环境整治管理办法", "友政规〔2023〕1号", "环境保护", "人居环境", "2023-04-12"),
    (
        "友谊镇村级公益事业建设一事一议实施办法",
        "友政规〔2023〕2号",
        "城乡规划",
        "一事一议",
        "2023-09-20",
    ),
]


def county_policies(county):
    county_root = DisclosureIndexPage.objects.filter(organisation=county).first()
    return CategoryPage.objects.child_of(county_root).filter(slug="policies").first()


def county_gas_rules(user, county):
    """The county's rules that replaced 友谊镇's abolished gas rules (the abolished page links
    to them: 替代文件), with their 政策解读 as every 规范性文件 has one."""
    policies = county_policies(county)
    rules = publish_child(
        policies,
        PolicyDocumentPage(
            title="友谊县城镇燃气安全管理办法",
            kind="normative",
            doc_number="友县政规〔2021〕4号",
            body=[
                paragraph("<p>为加强城镇燃气安全管理，保障人民群众生命财产安全，制定本办法。</p>")
            ],
            keywords="燃气安全",
            summary="友谊县城镇燃气经营、使用和安全检查的规定。",
            written_on=day("2021-12-10"),
            published_on=day("2021-12-20"),
            effective_on=day("2022-01-01"),
        ),
        user,
    )
    publish_child(
        policies,
        PolicyDocumentPage(
            title="《友谊县城镇燃气安全管理办法》政策解读",
            kind="interpretation",
            interpreted_policy=rules,
            body=[paragraph("<p>一、制定背景；二、主要内容；三、燃气用户的安全责任。</p>")],
            keywords="燃气安全 政策解读",
            summary="解读友谊县城镇燃气安全管理办法。",
            published_on=day("2021-12-20"),
        ),
        user,
    )
    return rules


def policy_documents(user, policies, notices, gas_rules):
    garbage = publish_child(
        policies,
        PolicyDocumentPage(
            title="友谊镇生活垃圾分类工作实施方案",
            # A work plan, not a 规范性文件: the 2022 report (the seed) counts none issued.
            kind="document",
            doc_number="友政发〔2022〕3号",
            body=[
                paragraph(
                    "<p>为推进生活垃圾分类，结合本镇实际，制定本方案。"
                    "各社区负责本辖区居民的宣传和指导。</p>"
                ),
                attachment(garbage_plan_pdf(), "友谊镇生活垃圾分类工作实施方案（正式文本）"),
            ],
            domain=domain("环境保护"),
            keywords="垃圾分类 低碳环保",
            summary="友谊镇生活垃圾分类的目标、分工和保障措施。",
            written_on=day("2022-03-01"),
            published_on=day("2022-03-05"),
            effective_on=day("2022-04-01"),
        ),
        user,
    )
    publish_child(
        policies,
        PolicyDocumentPage(
            title="《友谊镇生活垃圾分类工作实施方案》政策解读",
            kind="interpretation",
            interpreted_policy=garbage,
            body=[paragraph("<p>一、出台背景；二、主要内容；三、居民如何参与垃圾分类。</p>")],
            domain=domain("环境保护"),
            keywords="垃圾分类 政策解读",
            summary="解读友谊镇生活垃圾分类实施方案。",
            published_on=day("2022-03-05"),
        ),
        user,
    )
    publish_child(
        policies,
        PolicyDocumentPage(
            title="友谊镇燃气安全管理暂行办法",
            kind="normative",
            doc_number="友政发〔2019〕7号",
            validity="abolished",
            effective_on=day("2019-06-01"),
            # Before 2022: the 2022 report counts no 规范性文件 abolished or in force.
            abolished_on=day("2021-12-31"),
            replaced_by=gas_rules,
            body=[
                paragraph(
                    "<p>本办法自2021年12月31日起废止，由2022年1月1日起施行的《友谊县城镇燃气安全管理办法》替代。</p>"
                )
            ],
            domain=domain("安全生产"),
            keywords="燃气安全",
            summary="已废止的燃气安全管理办法，仅供查阅。",
            written_on=day("2019-05-20"),
            published_on=day("2019-05-25"),
        ),
        user,
    )
    # The two 规范性文件 the 2023 report counts as issued and in force (reports/demo.py).
    for title, number, domain_name, keywords, date in NORMATIVE_2023:
        publish_child(
            policies,
            PolicyDocumentPage(
                title=title,
                kind="normative",
                doc_number=number,
                body=[
                    paragraph(
                        f"<p>{title}经镇政府常务会议审议通过，现予公布，自公布之日起施行。</p>"
                    )
                ],
                domain=domain(domain_name),
                keywords=keywords,
                summary=title,
                written_on=day(date),
                published_on=day(date),
                effective_on=day(date),
            ),
            user,
        )
    for title, domain_name, keywords, date in [
        ("友谊镇开展食品安全专项检查的通知", "食品药品监管", "食品安全", "2022-05-10"),
        ("友谊镇2022年老旧小区改造计划公示", "城乡规划", "老旧小区改造", "2022-06-08"),
        ("关于防范非法集资的风险提示", "公共法律服务", "防范非法集资", "2022-07-01"),
    ]:
        publish_child(
            notices,
            DisclosureDocumentPage(
                title=title,
                body=[
                    paragraph(f"<p>{title}。详情请咨询友谊镇人民政府综合办公室，电话 {PHONE}。</p>")
                ],
                domain=domain(domain_name),
                keywords=keywords,
                summary=title,
                published_on=day(date),
            ),
            user,
        )


DISCLOSURE_RULES = [
    (
        "友谊镇人民政府政府信息公开保密审查制度",
        "<p>拟公开的政府信息由承办科室初审、综合办公室复审、分管领导审定；"
        "不能确定是否可以公开的，依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。</p>",
        "保密审查",
        "2021-03-15",
    ),
    (
        "友谊镇人民政府政府信息公开发布协调制度",
        "<p>拟发布的政府信息涉及其他行政机关的，应当与有关行政机关进行沟通、确认，"
        "保证发布的政府信息准确一致。</p>",
        "发布协调",
        "2021-03-15",
    ),
]


def disclosure_rules(user, column):
    """政府信息公开制度: the office's own rules, which the portal's navigation links to."""
    for title, text, keywords, date in DISCLOSURE_RULES:
        publish_child(
            column,
            DisclosureDocumentPage(
                title=title,
                body=[paragraph(text)],
                keywords=keywords,
                summary=title,
                written_on=day(date),
                published_on=day(date),
            ),
            user,
        )


def load_catalogue_demo(township, county, township_root, user):
    """Fill 友谊镇's columns (found by slug under /xxgk/) with realistic items."""
    township.code = TOWNSHIP_CODE
    township.office_hours = OFFICE_HOURS
    township.office_hours_en = OFFICE_HOURS_EN
    township.save()
    county.code = COUNTY_OFFICE_CODE
    county.save()
    columns = {c.slug: c for c in CategoryPage.objects.child_of(township_root)}
    function_pages(user, columns["functions"])
    budget_pages(user, columns["budgets"])
    guides = service_guides(user, columns["service-guides"])
    service_item_list(user, columns["service-items"], guides)
    gas_rules = county_gas_rules(user, county)
    policy_documents(user, columns["policies"], columns["notices"], gas_rules)
    if "rules" in columns:
        disclosure_rules(user, columns["rules"])
    disclosure_guides(user, township_root, county)
    recent_items(user, township_root, columns["notices"], county)


NEWS = [
    (
        "友谊镇举办政务公开业务培训会",
        "公共法律服务",
        "2022-03-18",
        "政务公开 业务培训",
    ),
    (
        "友谊镇便民服务中心更新办事指南并在各社区便民服务站公开",
        "公共法律服务",
        "2022-04-22",
        "便民服务中心 办事指南",
    ),
    (
        "友谊镇开展农村人居环境整治春季行动",
        "环境保护",
        "2023-04-25",
        "人居环境 春季行动",
    ),
    (
        "友谊镇通过“友谊镇微平台”和社区LED大屏开展政策宣传",
        "公共法律服务",
        "2023-08-16",
        "政策宣传 友谊镇微平台",
    ),
]


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def recent_items(user, township_root, notices, county):
    """What the offices published in the last weeks, dated from the day the demo is loaded: the
    demo passes every single-veto item of the quarterly inspection on any day it is loaded
    (docs/inspection.md). Its two warnings are on purpose: 规范性文件 and 预算决算 have had
    nothing new for longer than their columns' cadence."""
    news = publish_child(
        township_root,
        CategoryPage(title="工作动态", slug="news", intro="<p>友谊镇政府工作动态。</p>"),
        user,
    )
    for title, subject, days in [
        ("友谊镇召开生活垃圾分类工作推进会", "环境保护", 2),
        ("友谊镇开展燃气安全入户宣传检查", "安全生产", 9),
    ]:
        publish_child(news, demo_document(title, domain(subject), days_ago(days)), user)
    # Earlier news, as the reports tell it: the staff trained in 政务公开 (the 2022 report's
    # 监督保障), the 人居环境 rules of 2023 put to work, the service centre's guides.
    for title, subject, date, keywords in NEWS:
        publish_child(news, demo_document(title, domain(subject), day(date), keywords), user)
    publish_child(
        notices,
        demo_document(
            "关于做好冬春季燃气安全工作的通知",
            domain("安全生产"),
            days_ago(20),
            keywords="燃气安全",
        ),
        user,
    )
    policies = county_policies(county)
    rules = publish_child(
        policies,
        PolicyDocumentPage(
            title="友谊县人民政府办公室政务公开工作规定",
            kind="normative",
            doc_number=f"友县政办发〔{days_ago(5).year}〕1号",
            body=[paragraph("<p>为规范本县政务公开工作，制定本规定。</p>")],
            keywords="政务公开",
            summary="友谊县政务公开的范围、程序和监督。",
            written_on=days_ago(8),
            published_on=days_ago(5),
            effective_on=days_ago(5),
        ),
        user,
    )
    publish_child(
        policies,
        PolicyDocumentPage(
            title="《友谊县人民政府办公室政务公开工作规定》政策解读",
            kind="interpretation",
            interpreted_policy=rules,
            body=[paragraph("<p>一、制定背景；二、主要内容；三、公众如何获取政府信息。</p>")],
            keywords="政务公开 政策解读",
            summary="解读友谊县政务公开工作规定。",
            published_on=days_ago(5),
        ),
        user,
    )


def demo_document(title, subject, published_on, keywords=""):
    return DisclosureDocumentPage(
        title=title,
        body=[paragraph(f"<p>{title}。详情请咨询友谊镇人民政府综合办公室，电话 {PHONE}。</p>")],
        domain=subject,
        keywords=keywords or title,
        summary=title,
        published_on=published_on,
    )


TOWNSHIP_ACTIVE_DISCLOSURE = (
    "<p>友谊镇主动公开的政府信息通过本网站“政府信息公开”目录发布，可以按栏目、主题分类、年份和"
    "有效性浏览，或使用站内搜索查找、查看和下载。</p>"
    "<p>同时通过镇机关政务公开栏、电子显示屏、微信公众号“友谊镇微平台”和各社区 LED 大屏幕公开；"
    "办事指南和便民服务事项清单在友谊镇便民服务中心及五个社区便民服务站现场提供。"
    "信息自形成或者变更之日起 20 个工作日内公开。</p>"
)


def add_guide(root, guide, user):
    """Put the guide where the home demo left a placeholder column of the same slug, first."""
    placeholder = CategoryPage.objects.child_of(root).filter(slug=guide.slug).first()
    if placeholder is not None and not placeholder.get_children().exists():
        placeholder.delete()
    publish_child(root, guide, user)
    first = root.get_first_child()
    if first and first.pk != guide.pk:
        guide.move(first, pos="left")
    return guide


def disclosure_guides(user, township_root, county):
    """Each demo organisation's 指南: only what the system cannot generate is written here."""
    add_guide(
        township_root,
        DisclosureGuidePage(
            title="友谊镇人民政府政府信息公开指南",
            slug="guide",
            office_name="友谊县友谊镇人民政府综合办公室",
            intro="<p>为便于公民、法人和其他组织获取友谊镇人民政府的政府信息，根据《中华人民共和国"
            "政府信息公开条例》，编制本指南。</p>",
            active_disclosure=TOWNSHIP_ACTIVE_DISCLOSURE,
        ),
        user,
    )
    county_root = DisclosureIndexPage.objects.filter(organisation=county).first()
    if county_root is not None:
        add_guide(
            county_root,
            DisclosureGuidePage(
                title="友谊县人民政府办公室政府信息公开指南",
                slug="guide",
                office_name="友谊县人民政府办公室政务公开科",
                supervision="<p>认为本机关在政府信息公开工作中侵犯其合法权益的，可以向友谊县"
                "政务公开领导小组办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>",
            ),
            user,
        )
