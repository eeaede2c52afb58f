"""The configured database backend, on the database the suite runs on."""

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.tests.factories import CORPUS_PER_MODULE

pytestmark = CORPUS_PER_MODULE


def titles(results):
    return [page.title for page in results]


def search(query, **kwargs):
    return Page.objects.live().public().search(query, **kwargs)


def test_default_backend_is_the_chinese_one(db):
    assert type(get_search_backend()).__name__.startswith("Chinese")


@pytest.mark.django_db
def test_two_characters_inside_a_longer_run_are_found(corpus):
    assert "友谊镇2022年部门预算公开" in titles(search("公开"))
    assert titles(search("2022年部门")) == ["友谊镇2022年部门预算公开"]


@pytest.mark.django_db
def test_body_text_and_traditional_characters_match(corpus):
    assert "申请指南" in titles(search("最低生活保障"))
    assert titles(search("医疗保障资讯")) == ["醫療保障資訊公開"]
    assert "醫療保障資訊公開" in titles(search("資訊"))


@pytest.mark.django_db
def test_words_are_anded_and_substrings_are_exact(corpus):
    assert titles(search("低保 身份证")) == ["低保申请须知"]
    assert titles(search("预算决算公开")) == []


@pytest.mark.django_db
def test_title_matches_rank_above_body_matches(corpus):
    assert titles(search("低保")) == ["低保申请须知", "申请指南"]


@pytest.mark.django_db
def test_single_characters_match(corpus):
    assert set(titles(search("镇"))) >= {"友谊镇政府信息公开", "友谊镇2022年部门预算公开"}


@pytest.mark.django_db
def test_drafts_and_restricted_pages_never_appear(corpus):
    found = titles(search("低保"))
    assert "低保草稿未发布" not in found
    assert "低保内部资料" not in found


@pytest.mark.django_db
def test_count_and_slices_agree(corpus):
    results = search("公开")
    assert results.count() == len(list(results)) == 4
    assert titles(results[1:3]) == titles(list(results))[1:3]


@pytest.mark.django_db
def test_unranked_search_follows_the_querysets_order(corpus):
    results = Page.objects.live().order_by("title").search("公开", order_by_relevance=False)
    assert titles(results) == sorted(titles(results))


@pytest.mark.django_db
def test_autocomplete_matches_titles(corpus):
    assert titles(Page.objects.live().public().autocomplete("部门预")) == [
        "友谊镇2022年部门预算公开"
    ]


@pytest.mark.django_db
def test_api_search_uses_the_backend(corpus, client):
    response = client.get("/api/v2/pages/", {"search": "低保"})
    assert response.status_code == 200
    assert {item["title"] for item in response.json()["items"]} == {"低保申请须知", "申请指南"}


UNSAFE = st.one_of(
    st.text(max_size=50),
    st.text(alphabet="\"*():^-+{}'; NEAROTDAN%_\\\x00\ud800", max_size=50),
    st.text(min_size=2000, max_size=2000, alphabet="公开低保预算"),
)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=UNSAFE)
def test_any_query_is_safe(corpus, query):
    results = search(query)
    assert results.count() == len(list(results[:10])) or results.count() > 10


@pytest.mark.django_db
def test_admin_page_search_uses_the_backend(corpus, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "部门预算"})
    assert response.status_code == 200
    assert "友谊镇2022年部门预算公开" in response.content.decode()


@pytest.mark.django_db
def test_ranking_title_then_side_by_side_then_newest():
    from disclosure.catalogue.tests.factories import CategoryPageFactory

    pages = [  # oldest first
        ("老旧小区改造方案", "无"),
        ("改造老城区与老旧小区计划", "无"),
        ("通知", "开展老旧小区改造。"),
        ("公告", "改造工作覆盖老旧小区。"),
        ("老旧小区改造验收", "无"),
        ("无关页面", "老旧小区。"),
    ]
    for title, intro in pages:
        CategoryPageFactory(title=title, intro=f"<p>{intro}</p>")
    assert titles(search("老旧小区 改造")) == [
        "老旧小区改造验收",  # the words side by side in the title, newest first
        "老旧小区改造方案",
        "改造老城区与老旧小区计划",  # both words in the title, apart
        "通知",  # side by side in the body
        "公告",  # apart in the body
    ]
    assert titles(search("老旧小区 改造")[2:4]) == ["改造老城区与老旧小区计划", "通知"]
    assert search("老旧小区 改造").count() == 5


@pytest.mark.django_db
def test_a_whole_jieba_word_ranks_above_one_spanning_two_words():
    from disclosure.catalogue.tests.factories import CategoryPageFactory

    CategoryPageFactory(title="通知一", intro="<p>促进社会公平。</p>")  # older
    CategoryPageFactory(title="通知二", intro="<p>人民公社会议纪要。</p>")  # 公社|会议
    assert titles(search("社会")) == ["通知一", "通知二"]
    assert search("社会").count() == 2


@pytest.mark.django_db
def test_item_metadata_streamfield_blocks_and_tables_are_indexed(items):
    page = items["table"]
    for text in [
        "城乡居民养老保险",
        "收支总表",
        "政府采购",
        "友财发〔2023〕7号",
        page.index_number,
    ]:
        assert titles(search(text)) == ["2023年部门预算"], text
    assert "临时救助实施办法" in titles(search("第一章"))
    # 发布机构: the organisation that owns the tree the item sits in.
    assert "2023年部门预算" in titles(search("友谊镇人民政府"))


@pytest.mark.django_db
def test_postgres_probe_and_gin_index_give_the_same_newest_matches(corpus, monkeypatch):
    from django.db import connection
    from modelsearch.query import PlainText
    from wagtail.search.models import IndexEntry

    from search.backends import common, tsquery

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's tier strategy; the suite runs it when DATABASE_URL is PostgreSQL")

    def run(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    content_types = IndexEntry.objects.values_list("content_type_id", flat=True).distinct()
    column, expression = tsquery.column_match("body", PlainText("公开"))
    table = IndexEntry._meta.db_table
    every = run(tsquery.tier_sql(table, column, content_types, None), [expression])
    assert len(every) >= 3
    monkeypatch.setattr(common, "MIN_PROBE", 4)
    monkeypatch.setattr(common, "MAX_PROBE", 4)
    for limit in range(1, len(every) + 2):
        found = tsquery.newest_matches(run, table, column, content_types, expression, limit)
        assert found == every[:limit], limit


@pytest.mark.django_db
def test_postgres_finds_a_phrase_of_common_bigrams_by_lexemes_as_rare_as_the_phrase():
    # The GIN index answers "holds every lexeme of the query", not their order; each page it
    # returns has its vector read to check the positions. Stored as bigrams, 医疗保险 was
    # 医疗 & 疗保 & 保险 to the index: most pages at county scale, read to find none (0.3-1.7 s).
    from django.db import connection
    from modelsearch.query import PlainText

    from search.backends import tsquery

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's tsvectors; the suite runs it when DATABASE_URL is PostgreSQL")

    def matches(vector, expression):
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s::tsvector @@ %s::tsquery", [vector, expression])
            return cursor.fetchone()[0]

    _column, phrase = tsquery.column_match("body", PlainText("医疗保险"))
    in_any_order = phrase.replace("<->", "&")
    *_, holder = tsquery.document_vectors("通知", "", "城乡居民医疗保险参保")
    *_, decoy = tsquery.document_vectors("通知", "", "医疗保障和养老保险")
    assert matches(holder, phrase) and matches(holder, in_any_order)
    assert not matches(decoy, phrase)
    assert not matches(decoy, in_any_order)  # the index rules it out: its vector is never read
    # One or two characters are a prefix of the tokens starting where they occur (a run's
    # last two are a token of their own); no word spans two runs.
    *_, runs = tsquery.document_vectors("", "", "医疗，保险")
    # A Latin word's jieba word token is marked apart: `no` is not the trigram `now`.
    _column, now = tsquery.column_match("body", PlainText("now"))
    assert not matches(tsquery.document_vectors("", "", "no")[2], now)
    for text, found in [
        ("医疗", True),
        ("保险", True),
        ("险", True),
        ("疗保", False),
        ("医疗保", False),
    ]:
        _column, expression = tsquery.column_match("body", PlainText(text))
        assert matches(runs, expression) is found, text


@pytest.mark.django_db
def test_postgres_stores_a_long_attachment_and_finds_its_last_words():
    # Positions stop at 16,383; past it a run's tokens are bigrams, so what one or two
    # characters find is found anywhere, and the vector stays within PostgreSQL's 1 MB.
    from django.db import connection
    from modelsearch.query import PlainText

    from search.backends import tsquery

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's tsvectors; the suite runs it when DATABASE_URL is PostgreSQL")

    body = "医疗保险" + "".join(f"第{number}条公开事项，" for number in range(20000)) + "尾声"
    body += "签名值" + "A1" * 1500  # a run too long for a lexeme of its own: skipped, not an error
    *_, vector = tsquery.document_vectors("年鉴", "", body)
    for text in ["医疗保险", "尾声", "尾", "第1"]:
        _column, expression = tsquery.column_match("body", PlainText(text))
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s::tsvector @@ %s::tsquery", [vector, expression])
            assert cursor.fetchone()[0], text


# A tier's query (SQLite's FTS5 MATCH; PostgreSQL's tsquery, whose tiers ask the newest
# entries first, then the GIN index), told apart from another round of the same tier by all
# but its LIMIT and its lists of ids (content types, the pages admitted).
TIER_QUERY = re.compile(r"MATCH '.*ORDER BY|::tsquery.*ORDER BY")
ROUND_PARTS = re.compile(r"LIMIT \d+|IN \([\d, ]+\)")


@pytest.mark.django_db
def test_a_filter_admitting_only_old_matches_fills_the_page_in_one_round(corpus):
    # A year or a column admitting few of a common word's matches: the tiers walk the index
    # newest first and check the filter match by match, instead of rounds of ever larger
    # batches of ranked ids checked afterwards (438 ms for 公开 in 2020 at 100,000 pages).
    from search.tests.factories import add_items

    add_items(corpus, 12)
    items = Page.objects.filter(title__endswith="号公示").order_by("pk")
    oldest = [page.pk for page in items[:2]]
    with CaptureQueriesContext(connection) as queries:
        found = list(Page.objects.live().filter(pk__in=oldest).search("公示")[:2])
    assert sorted(page.pk for page in found) == oldest
    tiers = [q["sql"] for q in queries if TIER_QUERY.search(q["sql"])]
    rounds = Counter(ROUND_PARTS.sub("", sql) for sql in tiers)
    assert rounds and set(rounds.values()) == {1}, tiers
