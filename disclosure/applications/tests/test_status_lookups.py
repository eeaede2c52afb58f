"""The status page for the applicant at a shared address (a 便民服务中心 terminal, a carrier's
shared IP): wrong codes lock out only the application they were tried against, the page never
keeps a query code for the next person, and it says where the application stands in the
applicant's words."""

import datetime
import re

import pytest
from django.core.cache import cache

from disclosure.applications.models import Application

from .factories import applicant_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    settings.GONGKAI_APPLICATION_LOOKUP_RATE = (3, 3600)
    settings.GONGKAI_APPLICATION_LOOKUP_CEILING = (10, 3600)
    cache.clear()


@pytest.fixture
def register(organisation, clerk):
    def register(**fields):
        return Application.register(
            user=clerk, organisation=organisation, **applicant_fields(**fields)
        )

    return register


def look_up(client, number, code, **extra):
    return client.post("/apply/status/", {"tracking_number": number, "query_code": code, **extra})


def test_wrong_codes_lock_only_their_application_from_that_address(client, register):
    mine, my_code = register()
    theirs, their_code = register()
    refused = [look_up(client, theirs.tracking_number, "WRONG").status_code for _ in range(4)]
    assert refused == [200, 200, 200, 429]
    # Over its limit even the right code for that application is refused...
    assert look_up(client, theirs.tracking_number, their_code).status_code == 429
    # ...however the number is typed (case, full-width, spaces count as the same number).
    assert look_up(client, f" {theirs.tracking_number.lower()} ", their_code).status_code == 429
    # The next person at the same terminal still reaches their own application.
    mine_page = look_up(client, mine.tracking_number, my_code)
    assert mine_page.status_code == 200 and 'id="timeline"' in mine_page.text


def test_an_address_walking_through_numbers_meets_the_ceiling(client, register):
    application, code = register()
    for number in range(10):
        assert look_up(client, f"20250303-{number:06d}", "WRONG").status_code == 200
    assert look_up(client, application.tracking_number, code).status_code == 429


def test_the_refusal_names_whom_to_call_and_leads_back_to_the_status_form(
    client, register, organisation
):
    organisation.phone = "0469-5818672"
    organisation.save()
    for _ in range(4):
        refused = look_up(client, "20250303-AAAAAA", "WRONG")
    assert refused.status_code == 429
    assert "最迟 60 分钟后即可再试" in refused.text
    assert f"{organisation.name}：" in refused.text and "0469-5818672" in refused.text
    assert '<a href="/apply/status/">返回办理进度查询</a>' in refused.text


def test_the_form_below_a_result_is_empty_and_no_page_keeps_the_code_typed(client, register):
    application, code = register()
    found = look_up(client, application.tracking_number, code)
    assert found["Cache-Control"].startswith("max-age=0") or "no-store" in found["Cache-Control"]
    other = found.text[found.text.index("查询其他申请") :]
    assert 'name="query_code"' in other and code not in other
    assert application.tracking_number not in other
    wrong = look_up(client, application.tracking_number, "WRONGCODE")
    assert "申请编号或查询码不正确" in wrong.text and "WRONGCODE" not in wrong.text
    # The number stays as typed, to correct the code.
    assert f'value="{application.tracking_number}"' in wrong.text


def test_the_status_says_where_it_stands_and_what_was_asked_in_the_applicants_words(
    client, register, clerk
):
    application, code = register(description="友谊镇2025年低保名单\n（按社区汇总，不含个人信息）")
    page = look_up(client, application.tracking_number, code).text
    assert re.search(r'<dd id="state">已收到，待审核</dd>', page)
    assert re.search(r'<dd id="subject">友谊镇2025年低保名单</dd>', page)
    application.review(clerk, datetime.date(2025, 3, 4))
    page = look_up(client, application.tracking_number, code).text
    assert re.search(r'<dd id="state">审核中</dd>', page)


def test_the_reply_type_is_the_plain_outcome_without_the_reports_counting_rule(
    client, register, clerk
):
    application, code = register()
    application.reply(clerk, datetime.date(2025, 3, 10), "partial", "第三方信息已去除。")
    page = look_up(client, application.tracking_number, code).text
    assert '<dd id="outcome">部分公开</dd>' in page
    assert '<span class="timeline-detail">部分公开</span>' in page
    assert "只计这一情形" not in page
