from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from disclosure.workdays.models import CalendarDay


class CalendarDayViewSet(ModelViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = _("节假日与调休")
    add_to_admin_menu = True
    menu_order = 252
    form_fields = ["date", "is_working_day", "name"]
    list_display = ["date", "is_working_day", "name"]
    search_backend_name = None


# Named as when the calendar was part of the application register: its admin address stays.
calendar_day_viewset = CalendarDayViewSet("applications_calendarday")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [calendar_day_viewset]
