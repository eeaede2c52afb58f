from hypothesis import given
from hypothesis import strategies as st

from search import analysis

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
TEXT = st.text(alphabet=st.one_of(HAN, st.sampled_from("，。 、ａＡb1２")), max_size=60)


def test_full_width_case_and_traditional_fold_to_one_form():
    assert analysis.normalise("ＡＢＣ１２３") == "abc123"
    assert analysis.normalise("政府資訊公開") == "政府资讯公开"


def test_control_characters_and_lone_surrogates_vanish():
    assert analysis.normalise("\x00公\ud800开") == "公开"
    assert analysis.query_terms("\x1f\u3000\t") == []


def test_documents_become_bigrams_plus_each_runs_last_character():
    assert analysis.document_tokens("政务公开，低保") == [
        "政务",
        "务公",
        "公开",
        "开",
        "低保",
        "保",
    ]


def test_query_terms_are_runs_without_repeats():
    terms = analysis.query_terms("公开 預算 公开")
    assert [t.text for t in terms] == ["公开", "预算"]
    assert terms[0].tokens == ["公开"]
    assert analysis.query_terms("税")[0].is_single_char


def test_match_expression_quotes_every_token():
    terms = analysis.query_terms('老旧小区 "改造* NEAR(税')
    assert (
        analysis.fts5_match_expression(terms)
        == '"老旧 旧小 小区" AND "改造" AND "ne ea ar" AND "税"*'
    )


def test_spans_point_at_the_original_traditional_text():
    text = "關於政府資訊公開的通知"
    spans = analysis.match_spans(text, analysis.query_terms("资讯公开"))
    assert [text[a:b] for a, b in spans] == ["資訊公開"]


def _phrase_in(tokens, phrase):
    n = len(phrase)
    return any(tokens[i : i + n] == phrase for i in range(len(tokens) - n + 1))


@given(document=TEXT, query=TEXT)
def test_bigram_phrase_matches_exactly_the_substring_runs(document, query):
    """A two-character-or-longer query run matches iff it is a substring of a document run."""
    tokens = analysis.document_tokens(document)
    doc_runs = analysis.runs(analysis.normalise(document))
    for term in analysis.query_terms(query):
        if term.is_single_char:
            found = any(token.startswith(term.text) for token in tokens)
        else:
            found = _phrase_in(tokens, term.tokens)
        assert found == any(term.text in run for run in doc_runs)


@given(st.text(max_size=300))
def test_any_text_analyses_without_error(text):
    expression = analysis.fts5_match_expression(analysis.query_terms(text))
    assert expression.count('"') % 2 == 0
    for a, b in analysis.match_spans(text, analysis.query_terms(text)):
        assert 0 <= a < b <= len(text)


def test_jieba_words_become_marked_tokens_that_no_bigram_equals():
    assert analysis.word_tokens("促进社会公平，公社會議") == "促进w 社会w 公平w 公社w 会议w"
    assert all(len(token) >= 3 for token in analysis.word_tokens("和谐社会建设").split())
    [term] = analysis.whole_word_terms(analysis.query_terms("社會"))
    assert term.tokens == ["社会w"] and not term.is_single_char
    assert analysis.whole_word_terms(analysis.query_terms("税")) is None


def test_jieba_dictionary_is_loaded_once_per_process():
    analysis.segment("政府信息公开")
    assert analysis._segmenter.initialized
    segmenter = analysis._segmenter
    analysis.segment("社会保障")
    assert analysis._segmenter is segmenter
