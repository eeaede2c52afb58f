"""The 2019 indicators' thresholds, the column types with their cadence and the list of serious
misstatements, as shipped; site administrators edit them afterwards."""

from django.db import migrations

SOURCE = "国办秘函〔2019〕19号《政府网站与政务新媒体检查指标、监管工作年度考核指标》"

INDICATORS = [
    # code, name, kind, threshold, period_days, clause
    (
        "home_not_updated",
        "首页不更新",
        "veto",
        1,
        14,
        "单项否决指标“首页不更新”：首页无信息更新的时间超过 2 周（首页仅为栏目导航的，"
        "以二级页面无信息更新为准）。",
    ),
    (
        "stale_columns",
        "动态要闻、通知公告、政策文件类栏目不更新",
        "veto",
        5,
        None,
        "单项否决指标“栏目不更新”第 1 项：动态、要闻类栏目超过 2 周未更新，通知公告、政策文件"
        "类一级栏目超过 6 个月未更新，累计超过（含）5 个。",
    ),
    (
        "long_unupdated_columns",
        "应更新但长期未更新的栏目",
        "veto",
        10,
        None,
        "单项否决指标“栏目不更新”第 2 项：应更新但长期未更新的栏目数量超过（含）10 个。",
    ),
    (
        "blank_columns",
        "空白栏目",
        "veto",
        5,
        None,
        "单项否决指标“栏目不更新”第 3 项：空白栏目（有栏目无内容）数量超过（含）5 个。",
    ),
    (
        "guide_elements",
        "办事指南要素缺失",
        "veto",
        1,
        None,
        "单项否决指标“服务不实用”：办事指南缺少事项名称、设定依据、申请条件、办理材料、办理地点、"
        "办理时间、联系电话、办理流程等要素。",
    ),
    (
        "attachments",
        "附件无法下载",
        "veto",
        1,
        None,
        "单项否决指标“服务不实用”：办事指南中的表格及附件无法下载。",
    ),
    (
        "misstatements",
        "严重表述错误",
        "veto",
        1,
        None,
        "单项否决指标“安全、泄密事故等严重问题”：出现严重表述错误。",
    ),
    (
        "faked_dates",
        "伪造发稿日期",
        "veto",
        1,
        None,
        "单项否决指标“安全、泄密事故等严重问题”：伪造发稿日期。发布日期应为本平台首次发布之日，"
        "或有来源记录的原网站发布日期（迁移导入）。",
    ),
    (
        "broken_links",
        "链接不可用",
        "deduction",
        1,
        None,
        "扣分指标“链接可用性”：首页及其他页面上的链接无法打开（错链、断链）。",
    ),
    (
        "interpretations",
        "政策文件未解读或未双向关联",
        "deduction",
        1,
        None,
        "扣分指标“解读回应”：政策文件与解读材料未相互关联（“政策文件未被解读，解读稿未与政策原文"
        "做好双向关联”）。",
    ),
]

COLUMN_TYPES = [
    # name, kind, keywords, cadence_days, order, is_default, clause
    (
        "动态要闻",
        "news",
        "动态 要闻 新闻 工作信息",
        14,
        10,
        False,
        "动态、要闻类栏目超过 2 周未更新。",
    ),
    (
        "通知公告、政策文件",
        "notices",
        "通知公告 通知 公告 政策文件 规范性文件 政策信息",
        183,
        20,
        False,
        "通知公告、政策文件类一级栏目超过 6 个月未更新。",
    ),
    (
        "相对固定",
        "static",
        "指南 制度 机构职能 机构设置 领导 办事指南 事项清单 年度报告",
        None,
        30,
        False,
        "内容相对固定的栏目，内容变化时更新，不按周期检查。",
    ),
    (
        "年度公开",
        "should_update",
        "预算 决算 三公",
        550,
        40,
        False,
        "预决算每年公开一次：超过一年半没有新一年的信息即为长期未更新。",
    ),
    (
        "应更新栏目",
        "should_update",
        "",
        365,
        100,
        True,
        "应更新但长期未更新的栏目（数量超过（含）10 个为单项否决）；周期可由管理员调整。",
    ),
]

XINHUA = "新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订）"
CONSTITUTION = "《中华人民共和国宪法》"
PARTY = "《中国共产党章程》"

MISSTATEMENTS = [
    # pattern, is_regex, correct, source
    ("中华人民共合国", False, "中华人民共和国", CONSTITUTION),
    ("中国特色社会主意", False, "中国特色社会主义", PARTY),
    ("全国人民代表大会常务委会", False, "全国人民代表大会常务委员会", CONSTITUTION),
    ("全国人大常委委员会", False, "全国人民代表大会常务委员会（全国人大常委会）", CONSTITUTION),
    ("中国人民政治协商会议全国委员会委员长", False, "中国人民政治协商会议全国委员会主席", CONSTITUTION),
    # Not 台湾国民党 or 台湾国际…: the error is naming Taiwan a country.
    ("台湾国(?![民际])", True, "台湾地区、台湾", XINHUA),
    ("台湾总统", False, "台湾地区领导人", XINHUA),
    ("中港两地", False, "内地与香港", XINHUA),
    ("中台关系", False, "两岸关系", XINHUA),
    ("香港政府", False, "香港特别行政区政府", XINHUA),
    ("澳门政府", False, "澳门特别行政区政府", XINHUA),
    ("北韩", False, "朝鲜", XINHUA),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("inspection", "Indicator")
    for code, name, kind, threshold, period_days, clause in INDICATORS:
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "threshold": threshold,
                "period_days": period_days,
                "source": f"{SOURCE}，{clause}",
            },
        )
    ColumnType = apps.get_model("inspection", "ColumnType")
    for name, kind, keywords, cadence, order, is_default, clause in COLUMN_TYPES:
        ColumnType.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "keywords": keywords,
                "cadence_days": cadence,
                "order": order,
                "is_default": is_default,
                "source": f"{SOURCE}：{clause}",
            },
        )
    Misstatement = apps.get_model("inspection", "Misstatement")
    for pattern, is_regex, correct, source in MISSTATEMENTS:
        Misstatement.objects.update_or_create(
            pattern=pattern,
            defaults={"is_regex": is_regex, "correct": correct, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("inspection", "0001_indicators_columns_misstatements_links")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
