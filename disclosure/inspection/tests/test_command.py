"""manage.py inspect_site: every indicator with its status and pages; exit 1 on a veto."""

import json

import pytest
from django.core.management import CommandError, call_command

from disclosure.inspection.management.commands.inspect_site import Command

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


def test_an_unknown_organisation_is_refused_with_exit_2_and_close_names(office):
    with pytest.raises(CommandError, match="没有名为") as refused:
        call_command("inspect_site", "--organisation", "不存在的镇")
    assert refused.value.returncode == 2


def test_from_the_shell_an_unknown_organisation_exits_2_not_1(office, capsys):
    name = office["township"].name
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "inspect_site", "--organisation", name[:-1]])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "没有名为" in error and f"是否要找：{name}" in error


def test_the_help_names_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        Command().run_from_argv(["manage.py", "inspect_site", "--help"])
    text = capsys.readouterr().out
    assert "退出状态" in text and "0" in text and "1" in text and "2" in text
