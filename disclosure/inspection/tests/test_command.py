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
        "[单项否决] 空白栏目：7" in text
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
    thresholds = {row["code"]: row["threshold"] for row in report["indicators"]}
    assert thresholds["broken_links"] is None and thresholds["home_not_updated"] == 1


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


def refusal(*args):
    """(exit status, stderr) of the command run as from the shell."""
    import io
    from contextlib import redirect_stderr

    error = io.StringIO()
    with pytest.raises(SystemExit) as exited, redirect_stderr(error):
        Command().run_from_argv(["manage.py", "inspect_site", *args])
    return exited.value.code, error.getvalue()


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_an_empty_organisation_name_is_refused_not_the_whole_platform(office, name):
    code, error = refusal("--organisation", name)
    assert code == 2
    assert "请填写公开主体" in error


def test_the_text_output_has_only_chinese_labels(office):
    import re

    item(office["columns"][1], days=2)
    _code, text = run("--organisation", office["township"].name)
    assert not re.search(r"[A-Za-z_]+=", text), text
    for label in ("检查的栏目", "外部链接", "不可用的站内链接", "规范性文件", "解读比例"):
        assert label in text
    assert not re.search(r"[A-Za-z]", text), text


def test_every_number_an_indicator_gives_has_a_chinese_label(office):
    from disclosure.inspection.indicators import inspect
    from disclosure.inspection.results import NUMBER_LABELS

    keys = {key for result in inspect(office["township"]) for key in result.numbers}
    assert keys and keys <= set(NUMBER_LABELS)


@pytest.mark.parametrize(
    "typed", ["友谊镇政府", "友谊县友谊镇", "youyizhen", "Youyi Zhen", "县政府办公室"]
)
def test_close_names_are_suggested_by_name_short_name_and_pinyin(office, typed):
    from disclosure.catalogue.tests.factories import OrganisationFactory

    for n in range(5):
        OrganisationFactory(name=f"友谊县第{n}人民政府办公室", short_name=f"第{n}办")
    code, error = refusal("--organisation", typed)
    assert code == 2
    suggestions = error.split("是否要找：")[1].split("？")[0].split("、")
    assert 1 <= len(suggestions) <= 3
    wanted = office["county"] if "县政府" in typed else office["township"]
    assert any(s.startswith(wanted.name) for s in suggestions), suggestions


def test_a_refusal_says_error_in_chinese_without_django_s_prefix(office):
    code, error = refusal("--organisation", "不存在的镇")
    assert code == 2
    assert error.startswith("错误：没有名为"), error
    assert "CommandError" not in error


def test_deduction_items_have_no_threshold_and_no_finding_prints_none(office):
    from disclosure.catalogue.tests.factories import OrganisationFactory

    nowhere = OrganisationFactory(name="无目录的乡", short_name="无目录乡")
    _code, text = run("--organisation", nowhere.name)
    lines = {line.split("] ")[1].split("：")[0]: line for line in text.splitlines() if "] " in line}
    assert "阈值" not in lines["链接不可用"] and "阈值" not in lines["政策文件未解读或未双向关联"]
    assert "（阈值 1）" in lines["首页不更新"]
    assert "None" not in text
    assert "- 无目录的乡：没有信息公开目录" in text


@pytest.mark.parametrize("buffering", [1, -1], ids=["line-buffered", "block-buffered"])
def test_a_closed_pipe_ends_the_command_quietly(office, buffering):
    """`inspect_site | head`: the reader leaves early. No BrokenPipeError, now or when the
    output is flushed at exit (the stream is left writable to nowhere); the exit status is the
    inspection's."""
    import io
    import os
    from contextlib import redirect_stderr

    for n in range(3):
        column(office["root"], f"空栏目{n}")
    read, write = os.pipe()
    os.close(read)
    out = open(write, "w", encoding="utf-8", buffering=buffering)  # noqa: SIM115
    error = io.StringIO()
    with pytest.raises(SystemExit) as exited, redirect_stderr(error):
        Command(stdout=out).run_from_argv(
            ["manage.py", "inspect_site", "--organisation", office["township"].name]
        )
    out.write("what the interpreter flushes at exit\n")
    out.close()
    assert exited.value.code == 1  # the township's veto, told though nobody read it
    assert error.getvalue() == ""


def test_an_inspection_that_fails_exits_3_in_chinese_not_the_veto_s_1(office, monkeypatch):
    from disclosure.inspection.management.commands import inspect_site

    def broken(*args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(inspect_site, "inspect", broken)
    code, error = refusal("--organisation", office["township"].name)
    assert code == 3
    assert error.startswith("错误：检查出错，未能完成：date value out of range"), error
    assert "Traceback" not in error
