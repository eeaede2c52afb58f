from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        # The table it was created with, as a model of the application register.
        db_table = "applications_calendarday"

    def __str__(self):
        kind = _("工作日") if self.is_working_day else _("休息日")
        return f"{self.date:%Y-%m-%d} {kind} {self.name}".strip()
