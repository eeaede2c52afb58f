"""The English a translator wrote for the demo pages, keyed by the Chinese source string.

The 2022 report's paragraphs are matched in order with the seed report's lines, so the Chinese
is not copied here a second time.
"""

from disclosure.reports.demo import SEED
from disclosure.reports.files.importer import parse_report
from home import demo_content as content

HOME = {
    content.HOME_TITLE: "Youyi Township People’s Government, Youyi County",
    "友谊镇政府政务公开办紧紧围绕《全面推进基层政务公开标准化规范化工作实施》和"
    "《友谊县2022年政务公开工作实施方案》的要求，认真组织、创新开展工作。"
    "信息公开前，都要经过专职信息员、分管领导的审核批准。": (
        "The township’s open government office works to the requirements of the plan for "
        "standardised open government at the grassroots and of Youyi County’s 2022 open "
        "government work plan. Before any information is published, it is reviewed and "
        "approved by a full-time information officer and the leader in charge."
    ),
    "镇机关建立了便民服务中心，下属五个社区建立了便民服务站，采用大厅一站式办理方式，"
    "公开办理事项和办事流程，印发办事指南，公开便民服务事项清单，做到一次性告知。": (
        "The township runs a public service centre and its five communities run service "
        "stations, all offering one-stop service. They publish what they handle and how, "
        "service guides and the list of public services, so that everything is explained at once."
    ),
    "如需查阅或索取政府信息，可与友谊县友谊镇人民政府综合办公室联系"
    "（地址：友谊县站前街137号，邮编：155800，电话：0469-5818672）。": (
        "To consult or request government information, contact the General Office of the "
        "Youyi Township People’s Government (137 Zhanqian Street, Youyi County; postcode "
        "155800; telephone 0469-5818672)."
    ),
    content.DISCLOSURE_ROOT_TITLE: "Youyi Township government information disclosure",
    "本栏目按照《中华人民共和国政府信息公开条例》公开友谊镇人民政府的政府信息。"
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名、财政预算、决算信息等"
    "均按《条例》要求发布。": (
        "This section discloses the government information of the Youyi Township People’s "
        "Government under the Regulations of the People’s Republic of China on the Disclosure "
        "of Government Information. Functions, internal bodies, office address and hours, "
        "contacts, the names of those in charge, budgets and final accounts are published as "
        "the Regulations require."
    ),
    "政府信息公开指南": "Guide to government information disclosure",
    "公开的范围、方式、途径以及依申请公开的办理程序。": (
        "What is disclosed, how and where, and how requests for information are handled."
    ),
    # The township's 政府信息公开指南 (disclosure/catalogue/demo.py); the rest of the guide is
    # generated from the organisation and the interface catalogue.
    "友谊镇人民政府政府信息公开指南": (
        "Guide to government information disclosure of the Youyi Township People’s Government"
    ),
    "友谊县友谊镇人民政府综合办公室": (
        "General Office of the Youyi Township People’s Government, Youyi County"
    ),
    "为便于公民、法人和其他组织获取友谊镇人民政府的政府信息，根据《中华人民共和国"
    "政府信息公开条例》，编制本指南。": (
        "This guide is issued under the Regulations of the People’s Republic of China on the "
        "Disclosure of Government Information to help citizens, legal persons and other "
        "organisations obtain the government information of the Youyi Township People’s "
        "Government."
    ),
    "友谊镇主动公开的政府信息通过本网站“政府信息公开”目录发布，可以按栏目、主题分类、年份和"
    "有效性浏览，或使用站内搜索查找、查看和下载。": (
        "Information the township discloses proactively is published in this website’s "
        "government information disclosure catalogue, where it can be browsed by column, "
        "subject, year and validity, or found, read and downloaded with the site search."
    ),
    "同时通过镇机关政务公开栏、电子显示屏、微信公众号“友谊镇微平台”和各社区 LED 大屏幕公开；"
    "办事指南和便民服务事项清单在友谊镇便民服务中心及五个社区便民服务站现场提供。"
    "信息自形成或者变更之日起 20 个工作日内公开。": (
        "It is also shown on the township government’s notice boards and electronic displays, "
        "on the WeChat account “Youyi Township Micro-Platform” and on the LED screens of the "
        "communities; service guides and the list of public services are available at the "
        "township’s public service centre and the service stations of its five communities. "
        "Information is disclosed within 20 working days of being created or changed."
    ),
    "政府信息公开工作年度报告": "Annual reports on government information disclosure",
    "友谊镇每年的政府信息公开工作年度报告。": (
        "Youyi Township’s annual reports on its government information disclosure work."
    ),
}

REPORT_TITLE = (
    "Annual Report on Government Information Disclosure of the Youyi Township People’s "
    "Government, Youyi County, for 2022"
)

# One English paragraph for each paragraph of the seed report's six sections, in order.
REPORT_PARAGRAPHS = [
    # 一、总体情况
    "This report was prepared under the revised Regulations of the People’s Republic of China "
    "on the Disclosure of Government Information, from a review of Youyi Township’s "
    "disclosure work in 2022 and the main statistics of that work. It covers the overview, "
    "information disclosed on the government’s initiative, requests received and handled, "
    "administrative reconsiderations and lawsuits, the main problems and improvements, other "
    "matters, and the statistical tables. The figures cover 1 January to 31 December 2022. "
    "The report can be read and downloaded on the “Youyi County People’s Government” website "
    "under Government information disclosure — Annual reports (http://www.hljyy.gov.cn/), or "
    "obtained from the General Office of the Youyi Township People’s Government (137 Zhanqian "
    "Street, Youyi County; postcode 155800; telephone 0469-5818672).",
    "In 2022 the township’s open government office worked to the plan for standardised open "
    "government at the grassroots and Youyi County’s 2022 open government work plan, and "
    "completed the year’s work well, as follows:",
    "(1) More disclosure, focused on what residents need.",
    "As the township continued to deepen reform, open up further, strengthen its green and "
    "ecological advantages and improve people’s wellbeing, it kept publishing and explaining "
    "major policies on its WeChat platform and its open government website, together with "
    "information on waste sorting, food safety, gas safety, community grid management, "
    "low-carbon living, energy saving and illegal fund-raising, guiding residents’ "
    "expectations and widening their part in public affairs. In the “capability and conduct "
    "year” it published what residents care about: civil affairs, the environment, the "
    "renovation of old residential areas, health and epidemic prevention. Every item was "
    "reviewed and approved by a full-time information officer and the leader in charge "
    "before publication. During the year the township and its communities published 836 "
    "original items and more than 1,200 other items, none beyond the scope of disclosure or "
    "inaccurate.",
    "(2) Better forms, timely disclosure.",
    "Guided by accuracy, convenience, thrift and clarity, the township disclosed information "
    "through slogans, wall newspapers, notice boards, electronic displays and its WeChat "
    "account. The “Youyi Township micro-platform” account publishes government information "
    "promptly, helping residents keep informed at low cost, and the communities’ LED screens "
    "are used more, making disclosure faster and more effective.",
    "(3) Firm foundations, standard practice.",
    "First, the township set up a public service centre and its five communities set up "
    "service stations with the facilities they need, offering one-stop service with a person "
    "responsible for each service. Staff were trained, and the services, procedures and "
    "service guides were published so that residents fully understand them, openly, fairly "
    "and justly; the communities were guided and supervised so that open government reaches "
    "them. Second, the township took up “Internet Plus”, kept improving its online services "
    "and opened a service hotline. It published the list of public services, and the "
    "township and its communities reviewed the list and published each service’s procedure "
    "so that everything is explained at once, with service standards and a suggestion box.",
    "(4) Applying the Regulations, serving the people.",
    "The township improved its handling of requests for information, treating it as a "
    "service to residents and businesses that meets applicants’ reasonable needs. It trained "
    "staff, used case guidance and followed the General Office of the State Council’s rules "
    "for replies, so that replies are written to standard.",
    "(5) Oversight that gets the work done.",
    "First, leadership responsibility is clear: under the township’s open government leading "
    "group, staff of the township government run the daily work, with leaders, bodies and "
    "people all in place, forming an efficient network for open government. Second, the "
    "staff responsible for open government are trained regularly in the documents, laws and "
    "regulations that apply, so that they understand why disclosure matters and do it well.",
    # 二、主动公开政府信息情况
    "Of the 15 kinds of information that Article 20 of the Regulations requires to be "
    "disclosed on the government’s initiative, items (1), (5), (6) and (8) are shown in the "
    "table below. The township’s functions, internal bodies, office address and hours, "
    "contacts, the names of those in charge, budgets and final accounts have all been "
    "published on the county government’s portal as the Regulations require.",
    # 三、收到和处理政府信息公开申请情况
    "In 2022 Youyi Township received no requests for government information to handle.",
    # 四、政府信息公开行政复议、行政诉讼情况
    "In 2022 there were no administrative reconsiderations or lawsuits about Youyi Township’s "
    "disclosure of government information.",
    # 五、存在的主要问题及改进情况
    "Although Youyi Township made progress in 2022, shortcomings remain. First, some "
    "disclosures are not standard: a few communities and departments publish vague content "
    "without focus. Second, some disclosures avoid substance: the basis and procedure of "
    "decisions are published but their outcomes little or not at all, so residents cannot "
    "oversee them. We will study and solve these problems and take open government further.",
    "In future the township will keep to the Regulations, improve its catalogue and its "
    "disclosure rules, keep a good record as its disclosure guide sets out, and improve the "
    "portal’s columns and navigation. First, leadership of open government will be "
    "strengthened: the head of each community is the first person responsible for its open "
    "government work, "
    "takes overall charge in person, and makes responsibilities specific, so that disclosure "
    "rules are complete and content is standard and of good quality. Second, staff will be "
    "trained on what may be disclosed, how and to whom, and in the laws and procedures that "
    "apply, so that disclosure is timely. Third, supervision will be strengthened with clear "
    "posts and duties, so that government information is disclosed and reported on time, "
    "checked carefully, without formalism, and shortcomings are corrected promptly.",
    # 六、其他需要报告的事项
    "There are no other matters to report.",
]


def report_english():
    """{Chinese: English} for the 2022 report, from the seed's title and paragraphs."""
    parsed = parse_report(SEED.read_text(encoding="utf-8"))
    lines = [
        line.strip()
        for key in sorted(parsed.sections)
        for line in parsed.sections[key].splitlines()
        if line.strip()
    ]
    if len(lines) != len(REPORT_PARAGRAPHS):
        raise ValueError(f"{len(lines)} report paragraphs, {len(REPORT_PARAGRAPHS)} in English")
    return {parsed.title: REPORT_TITLE, **dict(zip(lines, REPORT_PARAGRAPHS, strict=True))}


def english():
    return {**HOME, **report_english()}
