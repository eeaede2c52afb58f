import datetime

import pytest
from django.utils import timezone

from disclosure.applications.demo import load_demo_register, load_open_applications
from disclosure.applications.models import Application, ApplicationEvent, ReviewCase
from disclosure.applications.statistics import table_b, table_c
from disclosure.statutory.tables import OUTCOME_ROWS_2021

pytestmark = pytest.mark.django_db


def test_the_demo_register_fills_tables_b_and_c_for_2023(organisation, clerk):
    load_demo_register(organisation, clerk)
    b = table_b(organisation, 2023)
    assert all(b[row]["total"] >= 1 for row in OUTCOME_ROWS_2021)
    # The 2022 report (the seed) carried nothing over: nothing is carried into 2023 (R5).
    assert b["carried_in"]["total"] == 0 and b["carried_out"]["total"] == 2
    assert b["new"]["total"] == b["result_total"]["total"] + 2
    assert 30 <= Application.objects.count() <= 60
    assert Application.objects.filter(corrected_on__isnull=False).count() == 1
    assert Application.objects.filter(extension_days__gt=0).count() == 1
    assert ApplicationEvent.objects.filter(action="consult").count() == 1
    assert ReviewCase.objects.count() == 1
    assert table_c(organisation, 2023)["cases"]["review_upheld"] == 1
    assert not Application.objects.exclude(state="archived").exists()


def test_the_demo_has_applications_in_hand_whatever_the_day(organisation, clerk):
    for today in (datetime.date(2025, 10, 9), datetime.date(2025, 1, 2), timezone.localdate()):
        Application.objects.all().delete()
        late, soon, new = load_open_applications(organisation, clerk, today=today)
        assert late.is_overdue(today) and not soon.is_overdue(today) and not new.is_overdue(today)
        assert late.due_on < today <= soon.due_on
        assert not Application.objects.filter(received_on__year=2023).exists()
