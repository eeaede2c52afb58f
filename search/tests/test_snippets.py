"""The text shown under a search result: a window around the first match that, in English,
begins and ends between words (an English page's snippet read "…ment of the Regulation on
Open Gover…")."""

from search import analysis
from search.highlight import plain_text, snippet


def shown(html):
    return plain_text(str(html).replace("<mark>", "").replace("</mark>", ""))


def test_an_english_snippet_begins_and_ends_between_words():
    text = (
        "The township government publishes its annual report on the implementation of the "
        "Regulation on Open Government Information every January, with the statistics of "
        "applications received, replies given and administrative reviews of the past year."
    )
    html = snippet(text, analysis.query_terms("statistics"), size=80)
    window = shown(html).strip("…")
    assert "<mark>statistics</mark>" in str(html)
    assert str(html).startswith("…") and str(html).endswith("…")
    words = text.split()
    assert window.split()[0] in words and window.split()[-1].rstrip(",.") in [
        word.rstrip(",.") for word in words
    ], window


def test_a_chinese_snippet_keeps_its_window():
    text = "友谊镇人民政府" * 10 + "最低生活保障" + "申请条件和办理流程" * 10
    html = str(snippet(text, analysis.query_terms("最低生活保障"), size=60))
    assert "<mark>最低生活保障</mark>" in html
    assert len(shown(html).strip("…")) == 60


def test_a_word_longer_than_the_reach_is_cut_rather_than_dropped():
    text = "See " + "x" * 200 + " for the 申请表 form."
    html = str(snippet(text, analysis.query_terms("申请表"), size=40))
    assert "<mark>申请表</mark>" in html
