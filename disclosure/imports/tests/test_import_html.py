"""import_html (issue 18): pages saved from an old CMS, with sample pages in old_site/."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from disclosure.catalogue.models import CategoryPage, PolicyDocumentPage, ServiceGuidePage
from tests.factories import publish_fixture as publish

pytestmark = pytest.mark.django_db
OLD_SITE = Path(__file__).parent / "old_site"


@pytest.fixture
def columns(disclosure_root):
    for slug, title in [("gfxwj", "规范性文件"), ("bszn", "办事指南")]:
        column = CategoryPage(title=title, slug=slug)
        disclosure_root.add_child(instance=column)
        publish(column)


def test_saved_pages_import_with_their_metadata_body_and_attachments(
    columns, tmp_path, capsys, client
):
    mapping = tmp_path / "columns.json"
    mapping.write_text(json.dumps({"gfxwj": "规范性文件", "bszn": "办事指南"}), "utf-8")
    call_command(
        "import_html",
        str(OLD_SITE),
        "--mapping",
        str(mapping),
        "--base-url",
        "http://www.youyi.gov.cn/xxgk",
        "--redirect-host",
        "www.youyi.gov.cn",
    )
    out, _ = capsys.readouterr()

    assert "新建 2 篇" in out and "跳过 0 行" in out
    # A linked file missing from the folder is named with its page.
    assert "gfxwj/t20210305_1.html：附件“http://www.youyi.gov.cn/uploads/20210305/biao.xls”" in out
    policy = PolicyDocumentPage.objects.get()
    assert policy.title == "友谊镇人民政府关于印发燃气安全管理暂行办法的通知"
    assert policy.doc_number == "友政发〔2021〕3号"
    assert policy.written_on.isoformat() == "2021-03-01"
    assert policy.published_on.isoformat() == "2021-03-05"
    assert not policy.index_number.endswith("00012")  # numbered by the new catalogue
    text = str(policy.body)
    assert "请认真贯彻执行" in text and "网站地图" not in text and "索引号" not in text
    attached = [b.value["title"] for b in policy.body if b.block_type == "attachment"]
    assert attached == ["友谊镇燃气安全管理暂行办法.pdf"]
    assert client.get("/xxgk/gfxwj/t20210305_1.html").status_code == 301

    guide = ServiceGuidePage.objects.get()
    assert guide.item_name == "生育登记办事指南"
    assert [m.value["name"] for m in guide.materials] == ["居民身份证", "户口簿"]
    assert guide.location == "友谊镇便民服务中心"
    assert guide.published_on.isoformat() == "2020-06-11"

    call_command("import_html", str(OLD_SITE), "--mapping", str(mapping))
    out, _ = capsys.readouterr()
    # The page naming its address (canonical link) is known: it is imported again, since one
    # of its files was missing (it would be added now, were it there); without --base-url the
    # other is keyed by its path in the folder, so it is new.
    assert "新建 1 篇，更新 1 篇，未变化 0 篇" in out


GBK_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于加强秸秆禁烧工作的通知</title></head><body>
<h1>关于加强秸秆禁烧工作的通知</h1>
<div class="info">发布时间：2019年05月06日 来源：友谊镇人民政府</div>
<div class="TRS_Editor"><p>各村（社区）：为做好秸秆禁烧工作，现通知如下。</p></div>
</body></html>"""


def import_saved_page(tmp_path, name, page):
    """import_html of a folder holding one saved page (text, or the bytes as saved) into
    规范性文件."""
    folder = tmp_path / "site" / "gfxwj"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(page if isinstance(page, bytes) else page.encode("utf-8"))
    call_command("import_html", str(tmp_path / "site"), "--column", "规范性文件")


def test_a_page_saved_in_gbk_imports_readable_with_the_date_of_its_info_line(columns, tmp_path):
    import_saved_page(tmp_path, "t20190506_9.html", GBK_PAGE.encode("gb18030"))

    page = PolicyDocumentPage.objects.get()
    assert page.title == "关于加强秸秆禁烧工作的通知"
    assert "为做好秸秆禁烧工作" in str(page.body)
    assert page.published_on.isoformat() == "2019-05-06"


def test_an_abolished_page_takes_its_date_of_abolition(columns, tmp_path):
    import_saved_page(
        tmp_path,
        "t20180101_2.html",
        "<html><body><table><tr><td>名称</td><td>友谊镇农贸市场管理办法</td>"
        "<td>有效性</td><td>废止</td></tr><tr><td>发布日期</td><td>2018年01月01日</td>"
        "<td>废止日期</td><td>2022年06月30日</td></tr></table>"
        "<div id='zoom'><p>第一条 为加强农贸市场管理……</p></div></body></html>",
    )

    page = PolicyDocumentPage.objects.get()
    assert (page.validity, page.abolished_on.isoformat()) == ("abolished", "2022-06-30")


def test_the_publication_date_is_the_pages_own_and_a_missing_files_link_keeps_its_words(
    columns, tmp_path
):
    import_saved_page(
        tmp_path,
        "t20180910_3.html",
        "<html><head><meta name='PubDate' content='2018-09-10 08:00:00'></head><body>"
        "<h1>友谊镇秋季防火公告</h1><div id='zoom'>"
        "<p>根据《某某通知》（发布日期：2010年1月1日）精神，现公告如下。</p>"
        "<p>附件：<a href='/uploads/fanghuo.pdf'>防火办法全文.pdf</a></p></div></body></html>",
    )

    page = PolicyDocumentPage.objects.get()
    assert page.published_on.isoformat() == "2018-09-10"
    assert "防火办法全文.pdf" in str(page.body)


def test_an_info_line_date_is_read_outside_the_article_only(columns, tmp_path):
    import_saved_page(
        tmp_path,
        "c3.html",
        "<html><body><h1>关于春耕的通知</h1>"
        "<div class='TRS_Editor'><p>根据《某某通知》（发布日期：2010年1月1日）精神……</p></div>"
        "<div class='info'>发布时间：2021-06-01</div></body></html>",
    )

    assert PolicyDocumentPage.objects.get().published_on.isoformat() == "2021-06-01"
