from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from disclosure.catalogue.staff_roles import organisations_visible_to
from disclosure.moderation.review.sensitive import SENSITIVE_WORD_LISTS

from . import admin_urls
from .dashboard import add_panel
from .models import ColumnSetting, ColumnType, Indicator, Misstatement

# Indicator, ColumnType, ColumnSetting and Misstatement are the platform's: registered in
# gongkai.accounts.site_wide, whose model permissions the site-wide 管理员 group alone holds, so
# Wagtail's own model permission policy lets site administrators (and superusers) edit them.


@hooks.register(SENSITIVE_WORD_LISTS)
def serious_misstatements():
    """Submission refuses a serious misstatement as it refuses an error-level sensitive word."""
    return list(Misstatement.objects.all())


@hooks.register("register_admin_urls")
def register_inspection_urls():
    return [path("inspection/", include(admin_urls, namespace="inspection"))]


class InspectionMenuItem(MenuItem):
    def is_shown(self, request):
        return organisations_visible_to(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_inspection_menu_item():
    return InspectionMenuItem(
        _("网站检查"), reverse("inspection:overview"), icon_name="tasks", order=910
    )


@hooks.register("construct_homepage_panels")
def add_columns_near_cadence(request, panels):
    add_panel(request.user, panels)


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "tasks"
    menu_label = _("检查指标")
    list_display = [
        "name",
        "kind",
        Column("applied_threshold", label=_("否决阈值")),
        Column("applied_period_days", label=_("期限（天）")),
        BooleanColumn("enabled", label=_("启用")),
    ]


class ColumnTypeViewSet(SnippetViewSet):
    model = ColumnType
    icon = "list-ul"
    menu_label = _("栏目类型")
    list_display = [
        "name",
        "kind",
        "keywords",
        Column("applied_cadence_days", label=_("更新周期（天）")),
        BooleanColumn("is_default", label=_("默认类型")),
    ]


class ColumnSettingViewSet(SnippetViewSet):
    model = ColumnSetting
    icon = "folder-open-inverse"
    menu_label = _("栏目类型设置")
    list_display = ["column", "column_type"]


class MisstatementViewSet(SnippetViewSet):
    model = Misstatement
    icon = "warning"
    menu_label = _("严重表述错误")
    list_display = ["pattern", "correct", "source"]
    search_fields = ["pattern", "correct", "source"]


class InspectionViewSetGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, ColumnTypeViewSet, ColumnSettingViewSet, MisstatementViewSet)
    menu_icon = "tasks"
    menu_label = _("网站检查设置")
    menu_name = "inspection-settings"


register_snippet(InspectionViewSetGroup)
