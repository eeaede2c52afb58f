from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from wagtail import hooks

from . import page_cache


@hooks.register("insert_editor_js")
def show_errors_on_hidden_tabs():
    """Every page and snippet editor: errors on a tab other than the open one are counted on
    their tab, that tab is opened, and the error message names it (static/js/admin)."""
    return format_html(
        '{}<script src="{}"></script>',
        json_script({"message": _("错误在%(tabs)s标签页中。")}, "tab-errors-config"),
        static("js/admin/tab_errors.js"),
    )


@hooks.register("insert_editor_js")
def submit_the_editor_form_once():
    """A second click of 保存草稿 (or Enter, or mod+s) while the first is on its way sends
    nothing: one click, one draft (static/js/admin/submit_once.js)."""
    return format_html('<script src="{}"></script>', static("js/admin/submit_once.js"))


@hooks.register("insert_editor_js")
def close_the_action_menu_for_its_dialog():
    """An action of the footer menu that opens a dialog closes the menu, which otherwise stays
    over the dialog on a narrow screen (static/js/admin/close_menu_for_dialog.js)."""
    return format_html('<script src="{}"></script>', static("js/admin/close_menu_for_dialog.js"))


hooks.register("before_serve_page", page_cache.remember_tokens)
