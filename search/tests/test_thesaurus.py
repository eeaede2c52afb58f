"""The default thesaurus, regional wording, "您是不是要找" and the rank of the words as typed."""

import importlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page, PageViewRestriction

from bench.bench_search import SqliteStore
from bench.corpus import generate, queries
from disclosure.catalogue.tests.factories import CategoryPageFactory
from search import analysis
from search.did_you_mean import did_you_mean
from search.models import Synonym
from search.query import expand
from search.tests.factories import CORPUS_PER_MODULE
from search.views import public_pages

pytestmark = CORPUS_PER_MODULE

# The thesaurus ships in a data migration, frozen with its CSV; a second one corrects its sources.
thesaurus = importlib.import_module("search.migrations.0006_default_government_thesaurus")
review = importlib.import_module("search.migrations.0007_thesaurus_sources_verified")
mistyped = importlib.import_module("search.migrations.0010_thesaurus_dibao_mistyping")
mistypings = importlib.import_module("search.migrations.0011_thesaurus_mistypings")
short_forms = importlib.import_module("search.migrations.0012_thesaurus_annual_report_short_forms")


def as_loaded(words):
    """A shipped group's words once the later migrations changed it: 0010 added 低报 to the
    低保 group's words, 0011 moved it to the group's mistypings, 0012 added 年报 and 年度报告
    to the annual report's group."""
    extended = mistyped.EXTENDED.get(words, words)
    words = mistypings.SPLIT.get(extended, (extended, ""))[0]
    return short_forms.EXTENDED.get(words, words)


@pytest.mark.django_db
def test_the_shipped_mistyping_is_kept_apart_from_the_words():
    assert Synonym.objects.get(words="低保，最低生活保障").mistyping_list() == ["低报"]


def get(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def result_titles(response):
    return [row["page"].title for row in response.context["rows"]]


@pytest.mark.django_db
def test_the_default_thesaurus_is_loaded_with_a_source_for_every_group():
    shipped = [
        (as_loaded(words), source)
        for words, _old, source, verdict in review.reviewed_groups()
        if verdict != review.DROPPED
    ]
    assert len(shipped) >= 150
    loaded = dict(Synonym.objects.values_list("words", "source"))
    for words, source in shipped:
        assert loaded[words] == source and source, words
        assert len(Synonym(words=words).word_list()) >= 2, words
    # One word in one group only: otherwise a search would silently merge two groups.
    words = [w for group, _ in shipped for w in Synonym(words=group).word_list()]
    assert len(words) == len(set(words))
    for short, full in [
        ("低保", "最低生活保障"),
        ("低报", "最低生活保障"),  # the common mistyping (same pinyin)
        ("医保", "基本医疗保险"),
        ("社保", "社会保险"),
        ("公积金", "住房公积金"),
        ("人社局", "人力资源和社会保障局"),
        ("发改委", "发展和改革委员会"),
        ("残联", "残疾人联合会"),
        ("五保", "农村五保供养"),
        ("新农合", "新型农村合作医疗"),
    ]:
        assert full in expand(short).alternatives[0]


@pytest.mark.django_db
def test_a_search_reads_the_groups_once_while_the_site_is_unchanged(client, corpus):
    client.get("/search/", {"q": "低保"})
    with CaptureQueriesContext(connection) as queries:
        assert "低保申请须知" in client.get("/search/", {"q": "低保"}).content.decode()
    assert not [q["sql"] for q in queries if Synonym._meta.db_table in q["sql"]]


@pytest.mark.django_db
def test_an_office_deletes_and_adds_groups_in_the_admin(client, django_user_model, corpus):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    group = Synonym.objects.get(words__startswith="低保，")
    # Each process keeps the groups while the site's token holds; a snippet's change renews it.
    assert expand("低保").alternatives != (("低保",),)
    delete = reverse("wagtailsnippets_search_synonym:delete", args=[group.pk])
    assert client.post(delete).status_code == 302
    assert expand("低保").alternatives == (("低保",),)
    assert result_titles(get(client, q="最低生活保障")) == ["申请指南"]

    add = reverse("wagtailsnippets_search_synonym:add")
    response = client.post(add, {"words": "低保，最低生活保障", "source": "本镇民政办"})
    assert response.status_code == 302
    assert Synonym.objects.get(words="低保，最低生活保障").source == "本镇民政办"
    assert set(result_titles(get(client, q="最低生活保障"))) == {"申请指南", "低保申请须知"}
    listing = client.get(reverse("wagtailsnippets_search_synonym:list"), {"q": "民政办"})
    assert "低保，最低生活保障" in listing.content.decode()


@pytest.mark.django_db
def test_a_thesaurus_word_inside_a_longer_word_is_expanded():
    assert "最低生活保障申请" in expand("低保申请").alternatives[0]
    # 住房公积金 already holds the long form of 公积金: no 住房住房公积金.
    assert not any("住房住房" in w for w in expand("住房公积金").alternatives[0])


@pytest.mark.django_db
def test_the_words_as_typed_rank_above_pages_found_only_through_a_synonym(client, corpus):
    # Newer, and 最低生活保障 in its title: it would lead if synonyms were ranked like the
    # typed word (title tier, then newest first).
    CategoryPageFactory(
        parent=corpus["guide"], title="最低生活保障标准调整", intro="<p>标准调整通知。</p>"
    )
    titles = result_titles(get(client, q="低保"))
    assert titles[:2] == ["低保申请须知", "申请指南"]  # hold 低保: title, then text
    assert titles[2:] == ["最低生活保障标准调整"]


@pytest.mark.django_db
def test_taiwan_wording_finds_mainland_pages_and_marks_them(client, corpus):
    assert "信息" in expand("資訊").alternatives[0]
    assert "网络" in expand("網路").alternatives[0]
    assert expand("信息").alternatives == (("信息",),)  # mainland text is taken as written
    response = get(client, q="資訊公開")
    titles = result_titles(response)
    assert titles[0] == "醫療保障資訊公開"  # the words as typed (folded per character) first
    assert {"和平县医保局信息公开", "友谊镇政府信息公开"} <= set(titles[1:])
    html = response.content.decode()
    assert "醫療保障<mark>資訊公開</mark>" in html
    assert "和平县医保局<mark>信息公开</mark>" in html


@pytest.mark.django_db
def test_did_you_mean_offers_thesaurus_words_and_published_titles(client, corpus):
    response = get(client, q="低保申清")
    # Not found as typed (a retry on part of the words may find pages): the spelling is offered.
    offered = response.context["did_you_mean"]
    assert "低保" in offered
    html = response.content.decode()
    assert "您是不是要找" in html
    assert 'href="/search/?q=%E4%BD%8E%E4%BF%9D"' in html  # 低保
    assert "部门预算公开" in did_you_mean(public_pages(), "部门预算公幵")[0]


@pytest.mark.django_db
def test_did_you_mean_never_shows_drafts_private_or_other_language_pages(client, corpus):
    english = Locale.objects.get(language_code="en")
    other = CategoryPageFactory(parent=corpus["guide"], title="临时救助英文页面", intro="<p>x</p>")
    Page.objects.filter(pk=other.pk).update(locale=english)
    private = CategoryPageFactory(
        parent=corpus["guide"], title="临时救助内部名单", intro="<p>x</p>"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for typed, hidden in [
        ("低保草稿未发步", "低保草稿未发布"),  # a draft
        ("低保内部资枓", "低保内部资料"),  # a password-protected page
        ("临时救助英文页靣", "临时救助英文页面"),  # a page of another language
        ("临时救助内部名隼", "临时救助内部名单"),  # a private page
    ]:
        html = get(client, q=typed).content.decode()
        assert hidden not in html, typed
        assert hidden not in did_you_mean(public_pages(), typed)


@pytest.mark.django_db
def test_did_you_mean_never_offers_visitors_queries(client, corpus):
    # A query that found pages and was searched often: neither list ever offers it.
    for _ in range(20):
        assert get(client, q="低保申请办理").status_code == 200
    assert Query.objects.get(query_string="低保申请办理").hits == 20
    assert "低保申请办理" not in did_you_mean(public_pages(), "低保申请办埋")
    assert "低保申请办理" not in get(client, q="低保申请办埋").context["suggestions"]


@pytest.mark.backend_independent  # the bench builds its own SQLite tables
@pytest.mark.django_db
def test_the_bench_query_set_keeps_full_recall_and_typed_words_first_with_the_thesaurus():
    """The benchmark's measured queries (docs/search.md) through the default thesaurus: every
    page holding the typed words is still found, and they fill the top 10 before any page
    found only through a synonym (低保 / 最低生活保障 are both in the bench's vocabulary)."""
    store = SqliteStore()
    store.build(generate(400))
    expanded_any = 0
    try:
        for text in queries():
            if not all(len(word) >= 2 for word in text.split()):
                continue
            expanded = expand(text)
            expanded_any += any(len(words) > 1 for words in expanded.alternatives)
            expected = store.truth(text)
            found = store.index_all(expanded.search_query)
            assert expected <= found, text
            top = store.index_top(expanded.search_query, 10)
            assert set(top[: len(expected)]) <= expected, text
    finally:
        store.close()
    assert expanded_any >= 2  # the thesaurus took part


@pytest.mark.backend_independent
@pytest.mark.django_db
def test_the_search_engines_get_the_typed_word_boosted():
    """The engines rank by score: the typed word is boosted, its alternatives are not."""
    from modelsearch.query import Boost, Or, PlainText

    query = expand("低保").search_query
    assert isinstance(query, Or)
    boosted, *others = query.subqueries
    assert isinstance(boosted, Boost) and boosted.subquery.query_string == "低保"
    assert all(isinstance(other, PlainText) for other in others)
    assert re.search("最低生活保障", " ".join(o.query_string for o in others))
    assert analysis.query_terms(boosted.subquery.query_string)


@pytest.mark.backend_independent
def test_every_backend_compiles_the_alternatives_and_ranks_the_typed_words_first():
    """The SQL both database backends run (FTS5 and PostgreSQL tsquery) comes from the same tree:
    the boost is a preference, never a dropped word; the tiers of the words as typed come first,
    then the whole query (title, then text)."""
    from modelsearch.query import And, Boost, Or, PlainText

    from search.backends import fts5, tsquery
    from search.backends.common import preferred, ranking_tiers

    query = And([Or([Boost(PlainText("低保"), 10), PlainText("最低生活保障")]), PlainText("申请")])
    _column, pg = tsquery.column_match("body", query)
    trigrams = "'最低生' <-> '低生活' <-> '生活保' <-> '活保障'"
    assert "'低保'" in pg and trigrams in pg and "'申请'" in pg
    sqlite = fts5.column_match("body", query)
    assert '"低保"' in sqlite and '"最低 低生 生活 活保 保障"' in sqlite and '"申请"' in sqlite
    typed = preferred(query)
    assert [sub.query_string for sub in typed.subqueries] == ["低保", "申请"]
    tiers = ranking_tiers(query)
    assert tiers[0][1].query_string == "低保申请"  # the typed words side by side, in the title
    assert tiers[-2:] == [(True, query), (False, query)]
    assert preferred(And([PlainText("低保"), PlainText("申请")])) is None


@pytest.mark.django_db
def test_reloading_keeps_an_offices_edits_and_unloading_removes_only_unedited_groups():
    edited = Synonym.objects.get(words__startswith="低保，")
    edited.source = "本镇民政办核对"
    edited.save()
    Synonym.objects.get(words__startswith="残联，").delete()  # an office deleted it
    Synonym.objects.create(words="一窗受理，综合窗口受理", source="本县政务服务中心")
    short_forms.shrink_groups(Synonym)  # migrating back: 0012, 0010, 0007, then 0006
    mistyped.shrink_groups(Synonym)
    review.revert_review(Synonym)
    assert thesaurus.install(Synonym) == 1  # only the deleted group comes back when asked
    thesaurus.uninstall(Synonym)
    assert set(Synonym.objects.values_list("source", flat=True)) == {
        "本镇民政办核对",
        "本县政务服务中心",
    }


def test_every_shipped_group_was_reviewed_once_with_a_verdict():
    shipped = thesaurus.default_groups()
    reviewed = review.reviewed_groups()
    assert [(words, old) for words, old, _new, _verdict in reviewed] == shipped
    for words, _old, source, verdict in reviewed:
        assert verdict in {review.VERIFIED, review.UNVERIFIED, review.DROPPED}, words
        assert bool(source) == (verdict != review.DROPPED), words
        if verdict == review.VERIFIED:  # the page that was read, by its address
            assert re.search(r"见 https?://\S+$", source), words
        # The links 0006 carried to sites that are no government's are gone.
        assert not re.search(r"https?://(?!\S*(gov\.cn|org\.cn))", source), words


@pytest.mark.django_db
def test_after_migrating_verified_groups_cite_a_page_and_dropped_groups_are_gone():
    reviewed = review.reviewed_groups()
    loaded = dict(Synonym.objects.values_list("words", "source"))
    verified = [words for words, _o, _s, verdict in reviewed if verdict == review.VERIFIED]
    assert verified
    for words in verified:
        assert "http" in loaded[as_loaded(words)], words
    for words, _old, _source, verdict in reviewed:
        assert (as_loaded(words) in loaded) == (verdict != review.DROPPED), words
    assert all(loaded.values())


@pytest.mark.django_db
def test_the_review_leaves_an_offices_edits_alone_and_is_reversible():
    reviewed = review.reviewed_groups()
    corrected = [(w, old, new) for w, old, new, v in reviewed if v != review.DROPPED and new != old]
    dropped = [(w, old) for w, old, _new, v in reviewed if v == review.DROPPED]
    assert corrected
    short_forms.shrink_groups(Synonym)  # migrating back: 0012 (words), then 0007 (sources)
    review.revert_review(Synonym)  # back to the sources 0006 shipped
    for words, old, _new in corrected:
        assert Synonym.objects.get(words=words).source == old
    for words, old in dropped:
        assert Synonym.objects.get(words=words).source == old

    edited_words = corrected[0][0]
    Synonym.objects.filter(words=edited_words).update(source="本县医保局核对")
    if dropped:  # an office that relies on a dropped group and said so keeps it
        Synonym.objects.filter(words=dropped[0][0]).update(source="本镇核对保留")
    review.apply_review(Synonym)

    assert Synonym.objects.get(words=edited_words).source == "本县医保局核对"
    for words, _old, new in corrected[1:]:
        assert Synonym.objects.get(words=words).source == new
    if dropped:
        assert Synonym.objects.get(words=dropped[0][0]).source == "本镇核对保留"
        for words, _old in dropped[1:]:
            assert not Synonym.objects.filter(words=words).exists()


@pytest.mark.django_db
def test_a_report_found_only_through_a_synonym_ranks_below_exact_matches_for_镇政府(client, corpus):
    """镇政府 / 镇人民政府 is a thesaurus group. The newest page, a report whose title holds only
    镇人民政府, comes after every page holding 镇政府 as typed, on the search page (by relevance)
    and in the title autocomplete alike."""
    from disclosure.reports.tests.factories import AnnualReportPageFactory, make_index

    CategoryPageFactory(parent=corpus["guide"], title="镇政府工作动态", intro="<p>动态。</p>")
    CategoryPageFactory(parent=corpus["guide"], title="会议通知", intro="<p>本镇政府召开会议。</p>")
    report = AnnualReportPageFactory(
        parent=make_index(), year=2023, title="测试镇人民政府2023年政府信息公开工作年度报告"
    )
    exact = {"镇政府工作动态", "会议通知", "友谊镇政府信息公开"}
    titles = result_titles(get(client, q="镇政府"))
    assert set(titles[: len(exact)]) == exact
    assert report.title in titles[len(exact) :]
    suggested = client.get(reverse("search_autocomplete"), {"q": "镇政府"}).json()["results"]
    in_title = [item["title"] for item in suggested]
    assert set(in_title[:2]) == {"镇政府工作动态", "友谊镇政府信息公开"}
    assert in_title[2:] and all("镇政府" not in title for title in in_title[2:])


@pytest.mark.django_db
def test_the_results_name_the_full_forms_searched_besides_the_typed_words(client, corpus):
    html = get(client, q="低保").content.decode()
    also = re.search(r'<p class="search-also">同时搜索了：([^<]*)</p>', html)
    assert also and "最低生活保障" in also.group(1).split("、")
    assert "低保" not in also.group(1).split("、")  # the typed word is not repeated
    # A word with no alternative: no note.
    assert expand("请携带").also_searched == []
    assert 'class="search-also"' not in get(client, q="请携带").content.decode()
