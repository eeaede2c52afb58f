import datetime

import pytest

from disclosure.workdays.calendar import (
    add_working_days,
    is_working_day,
    package_knows,
    working_days_between,
)
from disclosure.workdays.models import CalendarDay

D = datetime.date
pytestmark = pytest.mark.django_db


def test_zero_days_is_the_start_and_negative_is_refused():
    assert add_working_days(D(2025, 3, 5), 0) == D(2025, 3, 5)
    with pytest.raises(ValueError):
        add_working_days(D(2025, 3, 5), -1)


def test_the_start_day_is_not_counted_and_weekends_are_skipped():
    # Friday 7 March 2025 + 1 working day = Monday 10 March.
    assert add_working_days(D(2025, 3, 7), 1) == D(2025, 3, 10)
    # Starting on a Saturday: the Monday is the first working day.
    assert add_working_days(D(2025, 3, 8), 1) == D(2025, 3, 10)
    # 20 working days from Monday 3 March 2025 (no holidays): four weeks later.
    assert add_working_days(D(2025, 3, 3), 20) == D(2025, 3, 31)


def test_spring_festival_2025_with_its_make_up_days():
    # Holidays 28 Jan – 4 Feb; Sunday 26 Jan and Saturday 8 Feb are working days.
    assert is_working_day(D(2025, 1, 26))
    assert not is_working_day(D(2025, 1, 28))
    assert is_working_day(D(2025, 2, 8))
    # Friday 24 Jan: Sun 26 (1), Mon 27 (2), then Wed 5 Feb (3).
    assert add_working_days(D(2025, 1, 24), 3) == D(2025, 2, 5)
    # 20 working days from receipt on Monday 20 Jan 2025.
    # 21,22,23,24 (4) 26,27 (6) 5,6,7,8 (10) 10-14 (15) 17-21 (20)
    assert add_working_days(D(2025, 1, 20), 20) == D(2025, 2, 21)


def test_national_day_2025_with_its_make_up_days():
    # Holidays 1–8 Oct; Sunday 28 Sep and Saturday 11 Oct are working days.
    # From Friday 26 Sep: Sun 28 (1), Mon 29 (2), Tue 30 (3), Thu 9 Oct (4), Fri 10 (5), Sat 11 (6).
    assert add_working_days(D(2025, 9, 26), 6) == D(2025, 10, 11)
    assert add_working_days(D(2025, 9, 26), 7) == D(2025, 10, 13)


def test_spring_festival_2026_with_its_make_up_days():
    # Holidays 15–23 Feb; Saturdays 14 and 28 Feb are working days.
    # From Friday 13 Feb: Sat 14 (1), Tue 24 (2) … Fri 27 (5), Sat 28 (6), Mon 2 Mar (7).
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert add_working_days(D(2026, 2, 13), 2) == D(2026, 2, 24)
    assert add_working_days(D(2026, 2, 13), 6) == D(2026, 2, 28)
    assert add_working_days(D(2026, 2, 13), 7) == D(2026, 3, 2)


def test_national_day_2026_with_its_make_up_days():
    # Holidays 1–7 Oct; Sunday 20 Sep and Saturday 10 Oct are working days.
    assert add_working_days(D(2026, 9, 18), 1) == D(2026, 9, 20)
    # From Wed 30 Sep: Thu 8 Oct (1), Fri 9 (2), Sat 10 (3), Mon 12 (4).
    assert add_working_days(D(2026, 9, 30), 4) == D(2026, 10, 12)
    assert working_days_between(D(2026, 9, 30), D(2026, 10, 10)) == 3


def test_an_administrators_day_overrides_the_package():
    # A (hypothetical) correction: Monday 3 March 2025 declared a rest day.
    assert add_working_days(D(2025, 2, 28), 1) == D(2025, 3, 3)
    CalendarDay.objects.create(date=D(2025, 3, 3), is_working_day=False, name="更正")
    assert add_working_days(D(2025, 2, 28), 1) == D(2025, 3, 4)


def test_a_year_the_package_does_not_know_comes_from_the_admin_table():
    assert not package_knows(D(2099, 1, 1))
    # Without data: weekends only. Friday 1 Jan 2099 + 1 = Monday 5? (2099-01-02 is a Friday.)
    assert D(2099, 1, 2).weekday() == 4
    assert add_working_days(D(2099, 1, 2), 1) == D(2099, 1, 5)
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(date=D(2099, 1, 5), is_working_day=False, name="元旦"),
            CalendarDay(date=D(2099, 1, 3), is_working_day=True, name="元旦调休"),
        ]
    )
    assert add_working_days(D(2099, 1, 2), 1) == D(2099, 1, 3)
    assert add_working_days(D(2099, 1, 2), 2) == D(2099, 1, 6)


def test_long_spans_cross_the_lookup_window():
    # About a year of working days: the override window must move along with the count.
    without = add_working_days(D(2099, 1, 1), 250)
    expected = add_working_days(without, 1)
    CalendarDay.objects.create(date=D(2099, 11, 2), is_working_day=False, name="测试")
    assert add_working_days(D(2099, 1, 1), 250) == expected


def test_the_days_are_read_once_then_answered_from_memory(django_assert_num_queries):
    CalendarDay.objects.create(date=D(2099, 1, 5), is_working_day=False, name="元旦")
    with django_assert_num_queries(1):
        assert not is_working_day(D(2099, 1, 5))
    with django_assert_num_queries(0):
        assert working_days_between(D(2099, 1, 2), D(2099, 1, 9)) == 4
        assert add_working_days(D(2099, 1, 2), 1) == D(2099, 1, 6)


def test_a_day_another_process_saved_is_read_again():
    """The other process's receiver renews the shared token; this process's copy is then old."""
    from django.db import connection

    from disclosure.workdays.models import CALENDAR_TOKEN
    from gongkai.page_cache import renew_shared_token

    assert is_working_day(D(2099, 1, 5))
    with connection.cursor() as cursor:  # a write this process's signals do not see
        cursor.execute(
            "INSERT INTO applications_calendarday (date, is_working_day, name) VALUES (%s, %s, %s)",
            [D(2099, 1, 5), False, "元旦"],
        )
    assert is_working_day(D(2099, 1, 5))  # this process's copy, until told
    renew_shared_token(CALENDAR_TOKEN)
    assert not is_working_day(D(2099, 1, 5))


def test_a_deleted_or_bulk_written_day_is_read_again():
    day = CalendarDay.objects.create(date=D(2099, 1, 5), is_working_day=False, name="元旦")
    assert not is_working_day(D(2099, 1, 5))
    CalendarDay.objects.filter(pk=day.pk).update(is_working_day=True)
    assert is_working_day(D(2099, 1, 5))
    day.delete()
    CalendarDay.objects.bulk_create([CalendarDay(date=D(2099, 1, 6), is_working_day=False)])
    assert not is_working_day(D(2099, 1, 6))
