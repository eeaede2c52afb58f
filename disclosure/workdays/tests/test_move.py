"""CalendarDay moved from the application register to this app without moving its rows: the
table, the content type and the permissions granted on it carry over (migrations
workdays 0001 and applications 0006)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from disclosure.workdays.models import CalendarDay
from tests.migrations import granted_under_the_old_label, migrated_back_to

BEFORE = [("applications", "0005_reply_letter_issue"), ("workdays", None)]
CODENAMES = {"add_calendarday", "change_calendarday", "delete_calendarday", "view_calendarday"}


@pytest.mark.django_db
def test_the_rows_stay_in_the_registers_table():
    CalendarDay.objects.create(date=datetime.date(2099, 1, 5), is_working_day=False, name="元旦")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM applications_calendarday WHERE date = '2099-01-05'")
        assert cursor.fetchall() == [("元旦",)]


@pytest.mark.django_db
def test_a_new_database_grants_the_calendar_under_its_new_label():
    assert list(
        ContentType.objects.filter(model="calendarday").values_list("app_label", flat=True)
    ) == ["workdays"]
    granted = Group.objects.get(name="管理员").permissions.filter(codename__in=CODENAMES)
    assert {p.content_type.app_label for p in granted} == {"workdays"}
    assert {p.codename for p in granted} == CODENAMES


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_database_keeps_its_rows_grants_and_history():
    with migrated_back_to(BEFORE):
        # As the register left it: its content type, a permission granted to a group, a row.
        old, editing, group = granted_under_the_old_label(
            "calendarday", "applications", "workdays", "change_calendarday", "日历管理"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO applications_calendarday (date, is_working_day, name)"
                " VALUES (%s, %s, %s)",
                [datetime.date(2099, 1, 3), True, "元旦调休"],
            )

    assert CalendarDay.objects.get(date=datetime.date(2099, 1, 3)).name == "元旦调休"
    moved = ContentType.objects.get(pk=old.pk)
    assert moved.app_label == "workdays" and moved.model_class() is CalendarDay
    assert group.permissions.get().pk == editing.pk
