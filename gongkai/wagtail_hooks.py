from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from gongkai.busy import PageEditorKeepsTypedText


class BusyAwareCreateView(PageEditorKeepsTypedText, CreateView):
    pass


class BusyAwareEditView(PageEditorKeepsTypedText, EditView):
    pass


class BusyAwarePageViewSet(PageViewSet):
    """Wagtail's default page viewset with create and edit views that keep the typed text when
    the database is busy (gongkai/busy.py). A page viewset registered later for one page type
    must use these two view classes too."""

    add_view_class = BusyAwareCreateView
    edit_view_class = BusyAwareEditView


# Wagtail registers its own base page viewset with order -1; this one, registered after it,
# takes its place for Page and so for every page type without a viewset of its own.
@hooks.register("register_admin_viewset")
def register_busy_aware_page_viewset():
    return BusyAwarePageViewSet()


@hooks.register("insert_editor_js")
def show_errors_on_hidden_tabs():
    """Every page and snippet editor: errors on a tab other than the open one are counted on
    their tab, that tab is opened, and the error message names it (static/js/admin)."""
    return format_html(
        '{}<script src="{}"></script>',
        json_script({"message": _("错误在%(tabs)s标签页中。")}, "tab-errors-config"),
        static("js/admin/tab_errors.js"),
    )
