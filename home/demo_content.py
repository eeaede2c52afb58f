"""What the demo shows: 友谊县友谊镇人民政府 as its 2022 annual report describes it.

The facts and wording come from the township's published report (the seed file in the
project's shared reference material); nothing here is invented filler.
"""

from gongkai.accounts.roles import Role

TOWNSHIP = {
    "name": "友谊县友谊镇人民政府",
    "name_en": "Youyi Township People’s Government, Youyi County",
    "short_name": "友谊镇",
    "level": "township",
    "address": "友谊县站前街137号",
    "address_en": "137 Zhanqian Street, Youyi County",
    "postcode": "155800",
    "phone": "0469-5818672",
    # Regulation Art. 12: the guide names the office's fax and internet contact too.
    "fax": "0469-5818673",
    "email": "xxgk@youyi-town.example.invalid",
    "review_authority": "友谊县人民政府",
    "court": "友谊县人民法院",
}

COUNTY_OFFICE = {
    "name": "友谊县人民政府办公室",
    "name_en": "General Office of the Youyi County People’s Government",
    "short_name": "县政府办",
    "level": "department",
    "address": "友谊县",
    "address_en": "Youyi County",
}

OFFICE_NAME = "友谊县友谊镇人民政府综合办公室"
OFFICE_NAME_EN = "General Office of the Youyi Township People’s Government"

HOME_TITLE = "友谊县友谊镇人民政府"

HOME_INTRO = (
    "<p>友谊镇政府政务公开办紧紧围绕《全面推进基层政务公开标准化规范化工作实施》和"
    "《友谊县2022年政务公开工作实施方案》的要求，认真组织、创新开展工作。"
    "信息公开前，都要经过专职信息员、分管领导的审核批准。</p>"
    "<p>镇机关建立了便民服务中心，下属五个社区建立了便民服务站，采用大厅一站式办理方式，"
    "公开办理事项和办事流程，印发办事指南，公开便民服务事项清单，做到一次性告知。</p>"
    "<p>如需查阅或索取政府信息，可与友谊县友谊镇人民政府综合办公室联系"
    "（地址：友谊县站前街137号，邮编：155800，电话：0469-5818672）。</p>"
)

DISCLOSURE_ROOT_TITLE = "友谊镇政府信息公开"
DISCLOSURE_ROOT_INTRO = (
    "<p>本栏目按照《中华人民共和国政府信息公开条例》公开友谊镇人民政府的政府信息。"
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名、财政预算、决算信息等"
    "均按《条例》要求发布。</p>"
)

# ICP 备案号, 公安备案号, 政府网站标识码 in their real formats (省简称 ICP 备 8 位号; 公网安备
# 14 位; 6 位行政区划代码 + 4 位顺序号), made of zeros so that nobody mistakes them for registered
# ones; the footer labels them 示例 (SiteFooterSettings.identifiers_are_samples).
SAMPLE_IDENTIFIERS = ("黑ICP备00000000号", "黑公网安备23000000000000号", "2300000000")
# The 党政机关网站 mark's registration number at conac.cn (32 characters), zeros like the rest.
SAMPLE_CONAC_ID = "0" * 32

# Catalogue columns (title, slug, intro) in the order the public sees them.
CATEGORIES = [
    (
        "政府信息公开指南",
        "guide",
        "<p>公开的范围、方式、途径以及依申请公开的办理程序。</p>",
    ),
    (
        "政府信息公开制度",
        "rules",
        "<p>友谊镇政府信息公开工作的保密审查、发布协调等制度。</p>",
    ),
    (
        "机构职能",
        "functions",
        "<p>机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名。</p>",
    ),
    ("预算决算", "budgets", "<p>友谊镇财政预算、决算及“三公”经费信息。</p>"),
    (
        "办事指南",
        "service-guides",
        "<p>便民服务中心公开办理事项和办事流程，印发办事指南，"
        "让群众和服务对象对提供的服务和办理事项有充分的了解和认识。</p>",
    ),
    (
        "便民服务事项清单",
        "service-items",
        "<p>友谊镇及各社区梳理的便民服务事项清单，公开办事服务事项流程，做到一次性告知。</p>",
    ),
    (
        "规范性文件",
        "policies",
        "<p>友谊镇制发的行政规范性文件及政策解读。</p>",
    ),
    (
        "政策信息",
        "notices",
        "<p>垃圾分类、食品安全、燃气安全、社区网格化建设、低碳环保、节能减排、"
        "防范非法集资，以及民政、生态环境、老旧小区改造、卫生健康等信息。</p>",
    ),
    (
        "政府信息公开工作年度报告",
        "annual-reports",
        "<p>友谊镇每年的政府信息公开工作年度报告。</p>",
    ),
]

# The columns that hold one item type (CategoryPage.item_type): adding to them offers that
# type only. The others hold several (政策信息: notices and policy interpretations).
COLUMN_ITEM_TYPES = {
    "functions": "catalogue.OrganisationFunctionPage",
    "budgets": "catalogue.BudgetPage",
    "service-guides": "catalogue.ServiceGuidePage",
    "service-items": "catalogue.ServiceItemListPage",
}

COUNTY_CATEGORIES = [
    ("政府信息公开指南", "guide", "<p>友谊县人民政府办公室政府信息公开指南。</p>"),
    ("规范性文件", "policies", "<p>友谊县人民政府及其办公室制发的行政规范性文件。</p>"),
]

# Demo accounts: (username, 姓, 名, what the person does, roles whose site-wide groups they
# join). Each has both names, as Wagtail's account form (账户 → 姓名) asks for both; the admin
# writes them 姓名 (gongkai/accounts/names.py).
ACCOUNTS = [
    ("admin", "周", "建华", "系统管理员", [Role.ADMINISTRATORS]),
    ("editor", "陈", "晓燕", "友谊镇信息员", [Role.EDITORS]),
    ("reviewer", "刘", "志强", "友谊镇初审人", [Role.REVIEWERS]),
    ("secrecy", "赵", "敏", "友谊镇保密审查员", [Role.SECRECY]),
    ("leader", "孙", "立军", "友谊镇分管领导", [Role.LEADERS]),
    # The township's own 管理员: not the site-wide 管理员 group (that makes a site administrator,
    # outside the walls); demo.py puts it into 友谊镇·管理员 only.
    ("manager", "郑", "海燕", "友谊镇管理员", []),
    # 依申请办理 is not a review role: demo.py puts it into 友谊镇's handler group.
    ("handler", "吴", "丽娟", "友谊镇依申请办理员", []),
]
