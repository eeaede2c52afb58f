"""The administrators' calendar days, and this process's copy of them.

The statutory clocks ask the calendar for every row of a screen (待我审核, the Art. 26 deadlines,
the register's due dates and reminders), so each process keeps the days in memory
(`calendar_overrides`) under a version token read from the page cache, which every web process
and worker shares (gongkai.page_cache.shared_token: Redis or a directory, never one process's
memory). A day saved or deleted, or rows written in bulk, renew the token (`calendar_changed`,
connected in apps.py; the queryset's bulk writes call it), so every process reads the days again
at its next question. A token missing from the cache (evicted, emptied) is a new version: the
copy is read again, never taken for current. The table is small (some dozens of days a year):
one read brings all of it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.page_cache import renew_shared_token, shared_token

CALENDAR_TOKEN = "workdays:calendar-days"


class _Remembered:
    """The days this process read, and the token they were read under."""

    token = None
    days = {}


def calendar_overrides():
    """{date: is_working_day} of every CalendarDay, as current as the shared token says. The
    token is read before the rows: a change committed meanwhile renews it, and the next call
    reads again."""
    token = shared_token(CALENDAR_TOKEN)
    if _Remembered.token != token:
        days = dict(CalendarDay.objects.values_list("date", "is_working_day"))
        _Remembered.token, _Remembered.days = token, days
    return _Remembered.days


def calendar_changed(**kwargs):
    """Receiver too (post_save, post_delete of CalendarDay): every process reads the days
    again."""
    _Remembered.token = None
    renew_shared_token(CALENDAR_TOKEN)


class CalendarDayQuerySet(models.QuerySet):
    """Writes that send no signal change the calendar too."""

    def bulk_create(self, *args, **kwargs):
        created = super().bulk_create(*args, **kwargs)
        calendar_changed()
        return created

    def bulk_update(self, *args, **kwargs):
        updated = super().bulk_update(*args, **kwargs)
        calendar_changed()
        return updated

    def update(self, **kwargs):
        updated = super().update(**kwargs)
        calendar_changed()
        return updated


class CalendarDay(models.Model):
    """An administrator's correction or extension of the holiday calendar (节假日与调休)."""

    date = models.DateField(_("日期"), unique=True)
    is_working_day = models.BooleanField(
        _("是工作日"),
        help_text=_("勾选：调休上班日（周末上班）；不勾选：法定节假日或休息日。"),
    )
    name = models.CharField(
        _("说明"), max_length=50, blank=True, help_text=_("如：春节、国庆节调休")
    )

    objects = CalendarDayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        # The table it was created with, as a model of the application register.
        db_table = "applications_calendarday"

    def __str__(self):
        kind = _("工作日") if self.is_working_day else _("休息日")
        return f"{self.date:%Y-%m-%d} {kind} {self.name}".strip()
