"""The thresholds are data a site administrator edits: a value that makes no sense (a veto at
0 problems, a period of 0 days) is refused with a Chinese error in the snippet form and by the
model, and a threshold stored anyway (a script, an old row) never fails an organisation that
has no problem."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from disclosure.inspection.models import ColumnType, Indicator
from disclosure.inspection.results import Result, Status

from .helpers import refused_indicator_edit, result


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("threshold", 0, "否决阈值至少为 1"),
        ("period_days", 0, "期限至少为 1 天"),
    ],
)
def test_the_snippet_form_refuses_a_zero_threshold_or_period(client, office, field, value, message):
    indicator = refused_indicator_edit(client, office, field, value, message)
    assert indicator.threshold == 1 and indicator.period_days == 14


def test_the_model_refuses_a_zero_threshold(db):
    indicator = Indicator.objects.get(code="blank_columns")
    indicator.threshold = 0
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert "否决阈值至少为 1" in str(refused.value.message_dict["threshold"])


def test_a_column_type_refuses_a_cadence_of_zero_days(client, office):
    news = ColumnType.objects.get(name="动态要闻")
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailsnippets_inspection_columntype:edit", args=[news.pk])
    response = client.post(
        url,
        {
            "name": news.name,
            "kind": news.kind,
            "keywords": news.keywords,
            "cadence_days": 0,
            "order": news.order,
            "source": news.source,
        },
    )
    assert response.status_code == 200
    assert "更新周期至少为 1 天" in response.content.decode()
    news.refresh_from_db()
    assert news.cadence_days == 14


def test_a_stored_zero_threshold_fails_no_organisation_without_problems(office):
    Indicator.objects.filter(code="misstatements").update(threshold=0)
    found = result("misstatements", office["township"])
    assert found.count == 0 and found.status == Status.PASS


@pytest.mark.parametrize("threshold", [0, 1, None])
def test_a_veto_needs_at_least_one_problem(threshold):
    empty = Result(code="x", name="x", kind="veto", threshold=threshold, source="")
    assert empty.status == Status.PASS


def test_the_migration_raises_stored_zeros(db):
    """0006 lifts a threshold of 0 to 1 and empties a period or cadence of 0 days: no row keeps
    a value the form now refuses."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("disclosure.inspection.migrations.0006_thresholds_at_least_one")
    Indicator.objects.filter(code="misstatements").update(threshold=0)
    Indicator.objects.filter(code="home_not_updated").update(period_days=0)
    ColumnType.objects.filter(name="动态要闻").update(cadence_days=0)
    migration.raise_stored_zeros(apps, None)
    assert Indicator.objects.get(code="misstatements").threshold == 1
    assert Indicator.objects.get(code="home_not_updated").period_days is None
    assert ColumnType.objects.get(name="动态要闻").cadence_days is None


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("period_days", 999999999, "期限最多为 3650 天"),
        ("period_days", 3651, "期限最多为 3650 天"),
    ],
)
def test_the_snippet_form_refuses_a_period_past_ten_years(client, office, field, value, message):
    indicator = refused_indicator_edit(client, office, field, value, message)
    assert indicator.period_days == 14


def test_a_column_type_refuses_a_cadence_past_ten_years(client, office):
    news = ColumnType.objects.get(name="动态要闻")
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailsnippets_inspection_columntype:edit", args=[news.pk])
    data = {
        "name": news.name,
        "kind": news.kind,
        "keywords": news.keywords,
        "cadence_days": 2147483647,
        "order": news.order,
        "source": news.source,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "更新周期最多为 3650 天" in response.content.decode()
    news.refresh_from_db()
    assert news.cadence_days == 14


def test_huge_stored_days_neither_end_the_inspection_nor_survive_the_migration(office):
    """A script stores what the form refuses: the inspection still runs, and 0007 lowers it."""
    from importlib import import_module

    from django.apps import apps

    from disclosure.inspection.snapshots import refresh

    from .helpers import column, item

    news = column(office["root"], "工作动态")
    item(news, "一条动态")
    Indicator.objects.filter(code="home_not_updated").update(period_days=999999999)
    ColumnType.objects.update(cadence_days=2147483647)
    assert refresh(office["township"])  # no OverflowError
    migration = import_module("disclosure.inspection.migrations.0007_days_at_most_ten_years")
    migration.lower_stored_huge_days(apps, None)
    assert Indicator.objects.get(code="home_not_updated").period_days == 3650
    assert set(ColumnType.objects.values_list("cadence_days", flat=True)) <= {3650, None}
