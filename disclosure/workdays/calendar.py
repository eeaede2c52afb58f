"""Working days (工作日) for the statutory clocks of applications.

A day is a working day unless it is a weekend or a public holiday; the State Council's make-up
working days (调休) are working days although they fall on a weekend. The ``chinesecalendar``
package knows the years it was released for; administrators' :class:`CalendarDay` rows override
it (a late correction) and extend it (a year announced after the package's release). For a year
neither knows, only weekends are rest days: the register keeps working, and the admin's calendar
page says which years still need their holidays entered.
"""

import datetime

import chinese_calendar


def package_knows(day):
    """True when the installed chinesecalendar holds the holidays of day's year."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def _default_is_working_day(day):
    if package_knows(day):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def _overrides():
    """The administrators' days, from this process's copy (models.calendar_overrides)."""
    from disclosure.workdays.models import calendar_overrides

    return calendar_overrides()


def is_working_day(day, overrides=None):
    if overrides is None:
        overrides = _overrides()
    if day in overrides:
        return overrides[day]
    return _default_is_working_day(day)


def add_working_days(start, n):
    """The date ``n`` working days after ``start``; ``start`` itself is not counted.

    ``n == 0`` returns ``start``. Negative ``n`` is refused: no statutory clock runs backwards.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    counted = 0
    overrides = _overrides()
    while counted < n:
        day += datetime.timedelta(days=1)
        if is_working_day(day, overrides):
            counted += 1
    return day


def working_days_between(start, end):
    """How many working days fall after ``start`` up to and including ``end`` (0 if end ≤ start)."""
    if end <= start:
        return 0
    overrides = _overrides()
    days = (end - start).days
    return sum(
        1
        for offset in range(1, days + 1)
        if is_working_day(start + datetime.timedelta(days=offset), overrides)
    )
