"""网站检查设置 refuses what would silently switch a check off: a column type whose keywords are
blank matches no column, and a veto threshold no organisation can reach never fails one."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from disclosure.inspection.models import MAX_DAYS, MAX_THRESHOLD, ColumnType, Indicator

from .helpers import refused_indicator_edit


def column_type_form(column_type, **changes):
    data = {
        "name": column_type.name,
        "kind": column_type.kind,
        "keywords": column_type.keywords,
        "cadence_days": column_type.cadence_days or "",
        "order": column_type.order,
        "source": column_type.source,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("keywords", ["", "   ", "\u3000 "])
def test_a_column_type_refuses_blank_keywords(client, office, keywords):
    news = ColumnType.objects.get(name="动态要闻")
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailsnippets_inspection_columntype:edit", args=[news.pk])
    response = client.post(url, column_type_form(news, keywords=keywords))
    assert response.status_code == 200
    assert "请填写栏目名称关键词" in response.content.decode()
    news.refresh_from_db()
    assert news.keywords == "动态 要闻 新闻 工作信息"


def test_the_default_type_needs_no_keywords(db):
    default = ColumnType.objects.get(is_default=True)
    assert default.keywords == ""
    default.full_clean()
    news = ColumnType.objects.get(name="动态要闻")
    news.keywords = " "
    with pytest.raises(ValidationError) as refused:
        news.full_clean()
    assert "请填写栏目名称关键词" in str(refused.value.message_dict["keywords"])


@pytest.mark.parametrize("keywords", ["\u200b", "，", "、", "-", "动态 -"])
def test_a_keyword_without_a_letter_or_digit_is_refused(db, keywords):
    """An invisible character matches no title; a lone hyphen or comma matches many."""
    news = ColumnType.objects.get(name="动态要闻")
    news.keywords = keywords
    with pytest.raises(ValidationError) as refused:
        news.full_clean()
    assert "关键词" in str(refused.value.message_dict["keywords"])


@pytest.mark.parametrize("value", [9223372036854775807, MAX_THRESHOLD + 1])
def test_the_snippet_form_refuses_a_threshold_past_the_cap(client, office, value):
    indicator = refused_indicator_edit(
        client, office, "threshold", value, f"否决阈值最多为 {MAX_THRESHOLD}"
    )
    assert indicator.threshold == 1


def test_the_model_refuses_a_threshold_past_the_cap_and_accepts_it(db):
    indicator = Indicator.objects.get(code="blank_columns")
    indicator.threshold = MAX_THRESHOLD
    indicator.full_clean()
    indicator.threshold = MAX_THRESHOLD + 1
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert f"否决阈值最多为 {MAX_THRESHOLD}" in str(refused.value.message_dict["threshold"])


def test_a_huge_stored_threshold_is_read_as_the_cap(db):
    from disclosure.inspection.results import Finding, Result

    failures = [Finding(n, f"栏目{n}", "x") for n in range(MAX_THRESHOLD)]
    found = Result(
        code="blank_columns",
        name="空白栏目",
        kind="veto",
        threshold=9223372036854775807,
        source="",
        findings=failures,
    )
    assert found.status == "veto"


def test_the_settings_lists_show_the_values_the_checks_apply(client, office):
    """A value stored past the form (a script, an older row) is not what the check applies: the
    lists show the applied one, never the stored one."""
    Indicator.objects.filter(code="home_not_updated").update(threshold=5000, period_days=None)
    Indicator.objects.filter(code="blank_columns").update(threshold=0, period_days=987654)
    ColumnType.objects.filter(name="动态要闻").update(cadence_days=987653)
    home = Indicator.objects.get(code="home_not_updated")
    blank = Indicator.objects.get(code="blank_columns")
    assert (home.applied_threshold, home.applied_period_days) == (MAX_THRESHOLD, 14)
    assert (blank.applied_threshold, blank.applied_period_days) == (1, MAX_DAYS)
    assert ColumnType.objects.get(name="动态要闻").applied_cadence_days == MAX_DAYS
    client.force_login(office["users"]["admin"])
    indicators = client.get(reverse("wagtailsnippets_inspection_indicator:list")).content.decode()
    assert "5000" not in indicators and "987654" not in indicators
    assert f">{MAX_THRESHOLD}<" in indicators.replace(" ", "").replace("\n", "")
    types = client.get(reverse("wagtailsnippets_inspection_columntype:list")).content.decode()
    assert "987653" not in types and f">{MAX_DAYS}<" in types.replace(" ", "").replace("\n", "")
