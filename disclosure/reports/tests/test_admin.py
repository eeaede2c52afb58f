"""The admin edit view: drafts keep blanks, publishing puts each error on its cell."""

import pytest
from django.urls import reverse

from disclosure.reports.tests.factories import (
    consistent_b,
    make_index,
    make_report,
    post_data,
)

pytestmark = pytest.mark.django_db


def test_publishing_an_inconsistent_table_b_shows_the_error_on_its_cell(admin_client):
    index = make_index()
    make_report(index, 2023)  # last year: 1 carried out, as consistent_b() carries in
    page = make_report(index, 2024, publish=False)
    table_b = consistent_b()
    table_b["new"].update(natural=4, total=4)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(url, post_data(table_b, "action-publish"))
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    table_errors = error.block_errors[4].block_errors
    assert set(table_errors) == {"result_total__natural", "result_total__total"}
    assert "第一项 + 第二项 = 5" in table_errors["result_total__natural"].messages[0]


def test_publishing_checks_r5_against_last_year(admin_client):
    index = make_index()
    make_report(index, 2023)
    page = make_report(index, 2024, publish=False)
    table_b = consistent_b()
    for row in ("carried_in", "carried_out"):  # consistent in itself, not with 2023
        table_b[row].update(natural=2, total=2)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(url, post_data(table_b, "action-publish"))
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    assert set(error.block_errors[4].block_errors) == {"carried_in__natural", "carried_in__total"}


def test_a_draft_may_keep_blank_cells(admin_client):
    index = make_index()
    page = make_report(index, 2024, publish=False)
    table_b = consistent_b()
    table_b["carried_in"]["natural"] = None
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(url, post_data(table_b, None))
    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.table_values()["table_b"]["carried_in"]["natural"] is None
    edit = admin_client.get(url).content.decode()
    assert "填报检查（勾稽关系）" in edit and "空白，缺少数据" in edit
    published = admin_client.post(url, post_data(table_b, "action-publish"))
    assert published.status_code == 200  # publishing requires every cell
