"""One query set every search backend must pass: pages, a synonym group, queries with the exact
set of pages each must find, and rankings (tiers, best first).

The semantics (docs/search.md): a page matches when each word typed, or one of its alternatives
(synonyms, regional forms), is a substring of its normalised title or text. The database
backends (SQLite, PostgreSQL), the OpenSearch node and Elasticsearch 8 (its compiled query,
evaluated on the documents it would index) all run this set: test_shared_queries.py.

Each decoy page holds the characters or the separate words of a query but not the query:
- `金支出`, `低保 公示`, `垃圾分类 燃气` are the queries for which OpenSearch's top ten held
  pages without the words: a word's bigrams were ANDed without adjacency (资金支付 … 支出
  matched 金支出; 垃圾分拣 … 分类 matched 垃圾分类), and words typed without an operator were
  ORed (低保 alone matched 低保 公示);
- `税` one character, inside a run and at a run's end;
- `2023年` and `PDF` mix digits and Latin letters with Han characters; `（2023）年` and `PD F`
  hold them across a boundary, which is no substring;
- `低保` and `最低生活保障` form a synonym group;
- a page written in traditional characters is found by simplified and traditional words.
"""

SYNONYMS = ["低保，最低生活保障"]

# (title, text) of each page; titles are unique and name the page in the expectations below.
PAGES = [
    ("2023年部门预算公开", "本单位2023年财政资金支出情况，附件为PDF格式。"),
    ("资金管理办法", "专项资金支付按规定办理，支出须经审批。"),
    ("住房公积金支出明细", "提取情况如下。"),
    ("低保对象名单公示", "城乡最低生活保障对象如下。"),
    ("低保申请须知", "申请时请携带身份证。"),
    ("最低生活保障审核办法", "审核结果在村务栏公示。"),
    ("公示公告", "低收入家庭保障情况。"),
    ("村务公开栏", "本月低保金按时发放。"),
    ("垃圾分类和燃气安全工作要点", "开展宣传，检查管道。"),
    ("垃圾清运通知", "垃圾分拣站按分类投放，燃气公司配合。"),
    ("燃气安全检查", "入户检查灶具。"),
    ("税收优惠政策解读", "小微企业减负。"),
    ("个人所得税汇算", "依法免征个人所得税"),
    ("预算报告（2023）年度说明", "年度说明。"),
    ("PD文件格式说明", "上传 PD F 文件。"),
    ("附件下载", "请下载pdf版本（12023年修订）。"),
    ("醫療保障資訊公開", "繁體字頁面。"),
]

# What each query (as a citizen types it, expanded by search.query) must find: exactly these.
QUERIES = {
    "金支出": {"2023年部门预算公开", "住房公积金支出明细"},
    "低保 公示": {"低保对象名单公示", "最低生活保障审核办法"},
    "垃圾分类 燃气": {"垃圾分类和燃气安全工作要点"},
    "税": {"税收优惠政策解读", "个人所得税汇算"},
    "2023年": {"2023年部门预算公开", "附件下载"},
    "PDF": {"2023年部门预算公开", "附件下载"},
    "pdf": {"2023年部门预算公开", "附件下载"},
    "低保": {
        "低保对象名单公示",
        "低保申请须知",
        "最低生活保障审核办法",
        "村务公开栏",
    },
    "量子计算机": set(),
    "医疗保障": {"醫療保障資訊公開"},
    "醫療保障": {"醫療保障資訊公開"},
}

# The same words sent as a plain string, as `/api/v2/pages/?search=` and the admin send them
# (no synonyms): the backend's default operator must AND them.
RAW_QUERIES = {
    "金支出": {"2023年部门预算公开", "住房公积金支出明细"},
    "低保 公示": {"低保对象名单公示"},
    "垃圾分类 燃气": {"垃圾分类和燃气安全工作要点"},
    "税": {"税收优惠政策解读", "个人所得税汇算"},
    "2023年 PDF": {"2023年部门预算公开", "附件下载"},
}

# Ranking: the results in tiers, best first (order within a tier is by recency, not checked).
# The words as typed before a synonym-only match, the title before the text.
RANKINGS = {
    "低保": [
        {"低保对象名单公示", "低保申请须知"},  # typed, in the title
        {"村务公开栏"},  # typed, in the text
        {"最低生活保障审核办法"},  # synonym only, in the title
    ],
    "最低生活保障": [
        {"最低生活保障审核办法"},  # typed, in the title
        {"低保对象名单公示"},  # typed, in the text
        {"低保申请须知"},  # synonym only, in the title
        {"村务公开栏"},  # synonym only, in the text
    ],
    "公示": [
        {"低保对象名单公示", "公示公告"},  # in the title
        {"最低生活保障审核办法"},  # in the text
    ],
    "垃圾 燃气": [
        {"垃圾分类和燃气安全工作要点"},  # both words in the title
        {"垃圾清运通知"},  # in the text
    ],
}


# Queries typed without spaces or as a question, which find nothing as typed: what the first
# retry that finds a page finds (search/retries.py), in tiers, best first, and whether it needed
# only some of the words. Every backend runs the same retries.
RETRIES = {
    # 低保公示 is no substring of any page: its words 低保 (or a synonym) and 公示 are.
    "低保公示": ([{"低保对象名单公示"}, {"最低生活保障审核办法"}], None),
    # 我/想/了解/和 are question and function words; 垃圾 分类 燃气 all in the title first.
    "我想了解垃圾分类和燃气": ([{"垃圾分类和燃气安全工作要点"}, {"垃圾清运通知"}], None),
    # No page holds all four words: three of them (燃气 检查 灶具) before two (燃气 检查).
    "燃气检查灶具火箭": ([{"燃气安全检查"}, {"垃圾分类和燃气安全工作要点"}], 2),
    "税收预算公开": ([{"2023年部门预算公开"}], 2),
}


def tiers_of(ranked: list[str], tiers: list[set[str]]) -> list[set[str]]:
    """The ranked titles cut into consecutive groups the sizes of the expected tiers."""
    found, start = [], 0
    for tier in tiers:
        found.append(set(ranked[start : start + len(tier)]))
        start += len(tier)
    if start < len(ranked):
        found.append(set(ranked[start:]))
    return found


def build(parent):
    """The pages under `parent` (live catalogue columns: title and intro are searchable), and
    the synonym group."""
    from disclosure.catalogue.tests.factories import CategoryPageFactory
    from search.models import Synonym

    for words in SYNONYMS:
        Synonym.objects.create(words=words)
    return [
        CategoryPageFactory(parent=parent, title=title, intro=f"<p>{text}</p>")
        for title, text in PAGES
    ]
