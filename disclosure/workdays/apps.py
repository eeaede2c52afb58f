from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "disclosure.workdays"
    label = "workdays"
    verbose_name = "工作日"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import CalendarDay, calendar_changed

        # Every process reads the days again (models.py, calendar_overrides).
        post_save.connect(calendar_changed, sender=CalendarDay, dispatch_uid="calendar_day_saved")
        post_delete.connect(
            calendar_changed, sender=CalendarDay, dispatch_uid="calendar_day_deleted"
        )
