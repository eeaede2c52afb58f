"""Which applications need attention: due within 5 working days, or overdue."""

from django.utils import timezone

from disclosure.applications.models import CLOCK_RUNNING, Application
from disclosure.workdays.calendar import add_working_days

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
