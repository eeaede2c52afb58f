"""Which applications need attention: due within 5 working days, or overdue."""

from dataclasses import dataclass

from django.utils import timezone

from disclosure.applications.models import CLOCK_RUNNING, OPEN_STATES, Application
from disclosure.workdays.calendar import add_working_days, working_days_between

SOON_WORKING_DAYS = 5


def due_soon_and_overdue(today=None, queryset=None):
    """(due soon, overdue) among applications whose reply clock is running."""
    today = today or timezone.localdate()
    if queryset is None:
        queryset = Application.objects.all()
    running = queryset.filter(state__in=CLOCK_RUNNING)
    horizon = add_working_days(today, SOON_WORKING_DAYS)
    overdue = running.filter(due_on__lt=today).order_by("due_on")
    soon = running.filter(due_on__gte=today, due_on__lte=horizon).order_by("due_on")
    return soon.select_related("organisation"), overdue.select_related("organisation")


@dataclass
class OpenApplication:
    application: Application
    clock_running: bool
    overdue: bool
    days_left: int  # working days until the due date (running clock, not overdue)
    days_over: int  # working days past it (overdue): until today, or until the late reply
    replied_late: bool  # answered after the due date: a fact of the record, nothing to do now


def open_applications_by_due_date(queryset, today=None, limit=None):
    """The applications of `queryset` not yet replied to, the earliest due date first."""
    today = today or timezone.localdate()
    applications = (
        queryset.filter(state__in=OPEN_STATES).select_related("organisation").order_by("due_on")
    )
    return [deadline_of(application, today) for application in applications[:limit]]


def deadline_of(application, today=None):
    """Where `application` stands against its due date (the dashboard's row, the handle page)."""
    today = today or timezone.localdate()
    overdue = application.is_overdue(today)
    until = application.replied_on or today
    return OpenApplication(
        application=application,
        clock_running=application.clock_running,
        overdue=overdue,
        days_left=0 if overdue else working_days_between(today, application.due_on),
        days_over=working_days_between(application.due_on, until) if overdue else 0,
        replied_late=overdue and application.replied_on is not None,
    )
