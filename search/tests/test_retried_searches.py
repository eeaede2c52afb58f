"""A search that finds nothing as typed is retried (search/retries.py): Chinese is typed without
spaces and as a question, so 低保申请材料 or 我想申请低保需要什么材料 must find the 低保 办事指南
even though neither is a substring of it.

The pages are the demo's (disclosure/catalogue/demo.py): three 办事指南 with their real wording,
two 垃圾分类 pages, and a draft and a password-protected page holding every word searched.
"""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureIndexPageFactory,
    ServiceGuidePageFactory,
)
from search import retries
from search.query import expand

pytestmark = pytest.mark.django_db

CENTRE = "友谊镇便民服务中心"


def guide(column, name, conditions, materials, published):
    """A 办事指南 as the demo writes one (search/catalogue demo: service_guides)."""
    return ServiceGuidePageFactory(
        parent=column,
        title=f"{name}办事指南",
        item_name=name,
        conditions=conditions,
        materials=[
            ("material", {"name": m, "copies": 1, "form": "原件", "notes": ""}) for m in materials
        ],
        steps=[
            ("step", {"title": "申请", "description": f"到{CENTRE}或所在社区便民服务站提交材料"}),
            (
                "step",
                {"title": "受理", "description": "材料齐全的当场受理，一次性告知需补正的材料"},
            ),
            ("step", {"title": "办结", "description": "按承诺时限办结并告知结果"}),
        ],
        location=CENTRE,
        summary=f"{name}的受理条件、申请材料、办理流程和时限。",
        first_published_at=timezone.make_aware(datetime.datetime(*published, 9)),
    )


@pytest.fixture
def guides(db):
    root = DisclosureIndexPageFactory(
        organisation__name="友谊镇人民政府", title="友谊镇政府信息公开"
    )
    column = CategoryPageFactory(parent=root, title="办事指南", intro="<p>办事指南。</p>")
    news = CategoryPageFactory(parent=root, title="工作动态", intro="<p>工作动态。</p>")
    pages = {
        "dibao": guide(
            column,
            "城乡居民最低生活保障申请",
            "具有本镇户籍，家庭人均收入低于当地最低生活保障标准。",
            ["户口簿", "居民身份证", "家庭收入情况说明"],
            (2022, 4, 15),
        ),
        "gas": guide(
            column,
            "燃气安全隐患报修与入户检查预约",
            "本镇居民住户。",
            ["居民身份证"],
            (2022, 4, 16),
        ),
        "housing": guide(
            column,
            "老旧小区改造意见登记",
            "列入改造计划小区的业主。",
            ["房屋产权证明或租赁合同", "居民身份证"],
            (2022, 4, 17),
        ),
        "sorting_plan": CategoryPageFactory(
            parent=news,
            title="友谊镇生活垃圾分类工作实施方案",
            intro="<p>推进生活垃圾分类，建设分类投放、分类收集设施。</p>",
        ),
        "sorting_meeting": CategoryPageFactory(
            parent=news,
            title="友谊镇召开生活垃圾分类工作推进会",
            intro="<p>会议部署垃圾分类工作。</p>",
        ),
        "draft": CategoryPageFactory(
            parent=column,
            title="低保申请材料清单（草稿）",
            intro="<p>我想申请低保需要什么材料：户口簿、身份证、收入、燃气。</p>",
            live=False,
        ),
        "restricted": CategoryPageFactory(
            parent=column,
            title="低保申请材料内部清单",
            intro="<p>户口簿、身份证、收入、燃气。</p>",
        ),
    }
    PageViewRestriction.objects.create(
        page=pages["restricted"], restriction_type="password", password="x"
    )
    return pages


def search(client, q, url="/search/", **params):
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [row["page"].title for row in response.context["rows"]]


def notice(response) -> str:
    found = re.search(r'<p class="search-retried">(.*?)</p>', response.content.decode(), re.S)
    return found[1] if found else ""


def test_an_unspaced_query_finds_the_guide_through_its_words(client, guides):
    response = search(client, "低保申请材料")
    assert titles(response) == ["城乡居民最低生活保障申请办事指南"]
    # The page says what it searched instead, and marks the words it found.
    assert notice(response) == (
        "没有找到与“低保申请材料”完全一致的结果，以下结果包含全部词语：低保、申请材料"
    )
    html = response.content.decode()
    assert "<mark>申请材料</mark>" in html and "<mark>最低生活保障</mark>" in html


def test_question_words_are_not_required(client, guides):
    response = search(client, "我想申请低保需要什么材料")
    assert titles(response) == ["城乡居民最低生活保障申请办事指南"]
    assert notice(response).endswith("以下结果包含全部词语：申请、低保、材料")
    assert "<mark>我</mark>" not in response.content.decode()


def test_a_repeated_word_finds_what_the_word_finds(client, guides):
    once = titles(search(client, "垃圾分类"))
    assert len(once) == 2
    twice = search(client, "垃圾分类垃圾分类")
    assert titles(twice) == once
    assert notice(twice).endswith("以下结果包含全部词语：垃圾分类")


def test_without_a_page_holding_every_word_the_pages_holding_most_rank_first(client, guides):
    # 户口簿 身份证 收入 燃气: the 低保 guide holds three, the gas guide two (and is newer),
    # the housing guide one (fewer than half: left out). No page holds all four.
    response = search(client, "户口簿 身份证 收入 燃气")
    assert titles(response) == [
        "城乡居民最低生活保障申请办事指南",
        "燃气安全隐患报修与入户检查预约办事指南",
    ]
    assert notice(response) == (
        "没有同时包含全部词语的结果，以下结果包含部分词语：户口簿、身份证、收入、燃气"
    )
    html = response.content.decode()
    assert "<mark>燃气</mark>安全隐患报修" in html  # the words found are marked
    assert "共找到 2 条结果" in html


def test_unspaced_words_fall_back_to_most_of_them(client, guides):
    response = search(client, "户口簿身份证收入燃气")
    assert titles(response)[0] == "城乡居民最低生活保障申请办事指南"
    assert notice(response).startswith("没有同时包含全部词语的结果")


@pytest.mark.parametrize(
    "q", ["低保申请材料", "我想申请低保需要什么材料", "户口簿 身份证 收入 燃气"]
)
def test_a_retry_never_shows_drafts_or_restricted_pages(client, guides, q):
    found = titles(search(client, q))
    assert found and not {"低保申请材料清单（草稿）", "低保申请材料内部清单"} & set(found)


def test_a_query_found_as_typed_is_not_retried(client, guides, monkeypatch):
    from search import views

    searched = []
    run_search = views.run_search
    monkeypatch.setattr(
        views, "run_search", lambda pages, q, f: searched.append(q) or run_search(pages, q, f)
    )
    response = search(client, "低保 材料")
    assert titles(response) == ["城乡居民最低生活保障申请办事指南"]
    assert notice(response) == "" and len(searched) == 1


def test_a_query_of_question_words_only_finds_nothing(client, guides):
    html = search(client, "请问怎么办").content.decode()
    assert "没有找到与“请问怎么办”相关的结果" in html


def test_nothing_found_by_any_retry_shows_the_no_results_page(client, guides):
    response = search(client, "量子计算机火箭")
    assert "没有找到与“量子计算机火箭”相关的结果" in response.content.decode()
    assert notice(response) == ""


def test_the_notices_are_translated_on_english_pages(client, guides):
    english = Locale.objects.get_or_create(language_code="en")[0]
    page = CategoryPageFactory(
        parent=guides["dibao"].get_parent(),
        title="Subsistence allowance: materials",
        intro="<p>Household register and identity card.</p>",
    )
    type(page).objects.filter(pk=page.pk).update(locale=english)
    assert notice(search(client, "identity allowance", url="/en/search/")) == ""
    assert notice(search(client, "identity rocket", url="/en/search/")) == (
        "No result holds every word; the results below hold some of them: identity, rocket"
    )


# -- The words a retry searches (search/retries.py) -------------------------------------------


@pytest.mark.parametrize(
    "typed, words",
    [
        ("我想申请低保需要什么材料", ["申请", "低保", "材料"]),
        ("低保申请材料", ["低保", "申请材料"]),
        ("怎么申请公租房", ["申请", "租房"]),  # 公 alone says little
        ("我要查2023年的部门预算", ["2023", "部门", "预算"]),
        ("老旧小区改造", ["老旧", "小区", "改造"]),  # single characters in a row stay a word
        ("垃圾分类 垃圾", ["垃圾", "分类"]),  # each word once
        ("醫療保障申請", ["醫療保障", "申請"]),  # as typed, traditional characters too
        ("ＰＤＦ文件", ["ＰＤＦ", "文件"]),
        ("什么 怎么办", []),
    ],
)
def test_the_content_words_of_a_query(typed, words):
    assert retries.content_words(typed) == words


def test_content_words_are_capped():
    words = retries.content_words("低保 医保 社保 公积金 预算 决算 燃气 垃圾")
    assert len(words) == retries.MAX_WORDS and words[0] == "低保"


def attempts(typed):
    return [(q.words, q.rewritten, q.minimum) for q in retries.attempts(expand(typed))]


def test_the_attempts_in_order(guides):
    assert attempts("低保申请材料") == [
        (["低保申请材料"], False, None),
        (["低保", "申请材料"], True, None),
        (["低保", "申请材料"], True, 1),
    ]
    # The repeated word first as one word, a substring; then its words.
    assert attempts("垃圾分类垃圾分类") == [
        (["垃圾分类垃圾分类"], False, None),
        (["垃圾分类"], True, None),
        (["垃圾", "分类"], True, None),
        (["垃圾", "分类"], True, 1),
    ]
    # A retry never asks again what was asked: runs apart were searched once each already.
    assert attempts("垃圾分类，垃圾分类")[1] == (["垃圾", "分类"], True, None)
    # A number is no repetition (2020 is not 20).
    assert attempts("2020")[1:] == []
    # Typed words that are already the content words: only the partial match is left to try.
    assert attempts("低保 火箭 燃气") == [
        (["低保", "火箭", "燃气"], False, None),
        (["低保", "火箭", "燃气"], True, 2),
    ]
    assert attempts("低保") == [(["低保"], False, None)]
