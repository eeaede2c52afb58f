"""manage.py inspect_site: every indicator with its status and pages; exit 1 on a veto."""

import json

import pytest
from django.core.management import CommandError, call_command

from .helpers import column, item


def run(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("inspect_site", *args, stdout=out)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue()


def test_a_veto_exits_1_and_names_the_pages(office):
    for n in range(5):
        column(office["root"], f"空栏目{n}")
    code, text = run("--organisation", office["township"].name)
    assert code == 1
    assert (
        "[否决] 空白栏目：7" in text
    )  # the office's two columns are empty too and "空栏目4：栏目下没有已发布的信息" in text


def test_json_for_one_organisation_passing_every_veto(office):
    item(office["columns"][0], title="办事通知", days=1)
    item(office["columns"][1], days=2)
    code, text = run("--organisation", office["township"].short_name or "友谊镇", "--json")
    report = json.loads(text)
    assert code == 0 and report["veto"] is False
    assert report["organisation"] == office["township"].name
    statuses = {row["code"]: row["status"] for row in report["indicators"]}
    assert statuses["home_not_updated"] == "pass" and statuses["guide_elements"] == "pass"
    assert {"count", "threshold", "findings", "numbers", "source"} <= set(report["indicators"][0])


def test_an_unknown_organisation_is_refused(office):
    with pytest.raises(CommandError, match="没有名为"):
        call_command("inspect_site", "--organisation", "不存在的镇")
