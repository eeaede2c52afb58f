"""A legacy catalogue in the `import_documents` contract, as township sites export it.

The layouts follow what old government CMSs publish: a 办事指南 as a label/value table (基本信息,
设定依据, 申请条件, 申报材料, 办理流程, 收费标准, 咨询电话, 投诉电话 …) or as numbered headed
paragraphs (一、事项名称：…); 预算决算 titled "2022年部门预算", "2021年部门决算", "2020年“三公”经费
决算情况说明"; a 便民服务事项清单 as one table (序号, 事项名称, 办理部门, 办理依据, 办理时限, 是否
收费, 办理地点); 机构职能 as prose with contacts; 规范性文件 with their 文号.
"""

import json

OLD_SITE = "http://www.youyi.gov.cn"
COLUMNS = ["规范性文件", "办事指南", "预算决算", "便民服务事项清单", "机构职能"]
SERVICES = ["生育登记", "高龄津贴申领", "临时救助申请", "农村建房审批", "残疾人两项补贴"]


def dated(n, year):
    return f"{year}-{n % 12 + 1:02d}-{n % 27 + 1:02d}"


def policy(n):
    year = 2015 + n % 8
    return {
        "title": f"友谊镇人民政府关于印发《友谊镇第{n}号管理办法》的通知",
        "body": f"<p>各村（社区）、镇直各单位：</p><p>现将《友谊镇第{n}号管理办法》印发给你们，"
        f"请认真贯彻执行。</p><p style='text-align:right'>友谊镇人民政府</p>"
        f"<script>track({n})</script>",
        "category": "规范性文件",
        "kind": "规范性文件" if n % 3 else "其他文件",
        "doc_number": f"友政发〔{year}〕{n}号",
        "written_at": dated(n, year),
        "published_at": dated(n, year),
        "validity": "有效" if n % 5 else "失效",
        "keywords": ["管理办法"],
        "source_url": f"{OLD_SITE}/xxgk/gfxwj/{year}/{n}.html",
    }


def guide_table(n, service):
    return (
        "<table class='bszn'><tbody>"
        f"<tr><th>事项名称</th><td>{service}</td><th>事项类型</th><td>公共服务</td></tr>"
        "<tr><th>设定依据</th><td>《中华人民共和国人口与计划生育法》第二十条</td></tr>"
        "<tr><th>申请条件</th><td>户籍在本镇的居民</td></tr>"
        "<tr><th>申报材料</th><td>1.居民身份证<br/>2.户口簿<br/>3.结婚证</td></tr>"
        "<tr><th>办理流程</th><td>1.申请<br/>2.受理<br/>3.审核<br/>4.办结</td></tr>"
        "<tr><th>法定办结时限</th><td>20个工作日</td><th>承诺办结时限</th>"
        f"<td>{n % 5 + 1}个工作日</td></tr>"
        "<tr><th>收费标准</th><td>不收费</td></tr>"
        "<tr><th>办理地点</th><td>友谊镇便民服务中心1号窗口</td>"
        "<th>办理时间</th><td>工作日 8:30-12:00，14:30-17:30</td></tr>"
        "<tr><th>咨询电话</th><td>0123-4567890</td><th>投诉电话</th><td>0123-4567899</td></tr>"
        "</tbody></table>"
    )


def guide_paragraphs(n, service):
    return (
        f"<p>一、事项名称：{service}</p>"
        "<p>二、设定依据：《社会救助暂行办法》第四十七条</p>"
        "<p>三、受理条件：</p><p>因火灾、交通事故等意外事件，家庭生活暂时出现严重困难的家庭。</p>"
        "<p>四、申请材料：</p><p>（一）申请书</p><p>（二）身份证复印件</p>"
        "<p>五、办理流程</p><p>1.申请受理</p><p>2.审核确认</p><p>3.审批</p>"
        f"<p>六、承诺时限：{n % 9 + 1}个工作日</p>"
        "<p>七、收费标准：不收费</p>"
        "<p>八、咨询电话：0123-4567801</p>"
    )


def guide(n):
    service = SERVICES[n % len(SERVICES)]
    record = {
        "title": f"{service}办事指南（{n}）",
        "body": guide_table(n, service) if n % 2 else guide_paragraphs(n, service),
        "category": "办事指南",
        "published_at": dated(n, 2020),
        "source_url": f"{OLD_SITE}/xxgk/bszn/{n}.html",
    }
    if n % 4 == 0:
        record["item_name"] = service  # a typed key wins over the title
    return record


BUDGET_TITLES = [
    "友谊镇{year}年部门预算公开",
    "友谊镇{year}年部门决算公开",
    "友谊镇{year}年“三公”经费决算情况说明",
    "关于公开友谊镇财政预算的说明",  # neither year nor kind in the title: left for the editor
]


def budget(n):
    year = 2016 + n % 7
    title = BUDGET_TITLES[n % len(BUDGET_TITLES)].format(year=year)
    return {
        "title": f"{title}（{n}）",
        "body": "<p>一、部门职责</p><p>二、收支总体情况</p>"
        "<table><tr><td>项目</td><td>金额（万元）</td></tr><tr><td>一般公共预算</td>"
        f"<td>{100 + n}</td></tr></table>",
        "category": "预算决算",
        "published_at": dated(n, year + 1),
        "source_url": f"{OLD_SITE}/xxgk/czyjs/{n}.html",
    }


def service_list(n):
    rows = "".join(
        f"<tr><td>{i + 1}</td><td>{service}</td><td>友谊镇社会事务办</td>"
        f"<td>《社会救助暂行办法》</td><td>{i + 3}个工作日</td>"
        f"<td>{'否' if i % 2 else '不收费'}</td><td>便民服务中心</td></tr>"
        for i, service in enumerate(SERVICES)
    )
    return {
        "title": f"友谊镇便民服务事项清单（{2016 + n % 7}年版 第{n}批）",
        "body": "<p>根据上级要求，现将本镇便民服务事项清单公布如下：</p>"
        "<table><thead><tr><th>序号</th><th>事项名称</th><th>办理部门</th><th>办理依据</th>"
        f"<th>办理时限</th><th>是否收费</th><th>办理地点</th></tr></thead><tbody>{rows}</tbody>"
        "</table>",
        "category": "便民服务事项清单",
        "published_at": dated(n, 2021),
        "source_url": f"{OLD_SITE}/xxgk/bmfw/{n}.html",
    }


def functions(n):
    record = {
        "title": f"友谊镇机构职能（{n}）",
        "body": "<p>主要职能：</p><p>（一）贯彻执行党和国家的路线方针政策。</p>"
        "<p>（二）负责本镇经济社会发展规划。</p>",
        "category": "机构职能",
        "published_at": dated(n, 2022),
        "source_url": f"{OLD_SITE}/xxgk/jgzn/{n}.html",
        "address": "友谊镇人民路1号",
        "phone": "0123-4567800",
    }
    if n % 2:
        record["leaders"] = [{"name": "张三", "post": "镇长", "duties": "主持全面工作"}]
    return record


BUILDERS = [policy, guide, budget, service_list, functions]


def legacy_records(count):
    return [BUILDERS[n % len(BUILDERS)](n) for n in range(count)]


def legacy_lines(count):
    return [json.dumps(record, ensure_ascii=False) for record in legacy_records(count)]
