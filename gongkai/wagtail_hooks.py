from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from wagtail import hooks

from . import page_cache


@hooks.register("insert_editor_js")
def show_errors_on_hidden_tabs():
    """Every page and snippet editor: errors on a tab other than the open one are counted on
    their tab, that tab is opened, and the error message names it; a refused publishing
    schedule opens its dialog (static/js/admin)."""
    messages = {
        "tabs": _("错误在%(tabs)s标签页中。"),
        "schedule": _("发布计划有误，已打开“设置发布计划”对话框，请在其中修改。"),
    }
    return format_html(
        '{}<script src="{}"></script>',
        json_script(messages, "tab-errors-config"),
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


@hooks.register("insert_editor_js")
def warn_a_signed_out_editor():
    """Every page and snippet editor: when Wagtail's editing-session ping finds the session gone,
    a warning with a link to sign in again in a new tab, and the form's actions send nothing; a
    save sent while signed out leaves a copy in the tab that is offered back on the edit page
    (static/js/admin/signed_out_editor.js)."""
    config = {
        "loginUrl": getattr(settings, "WAGTAILADMIN_LOGIN_URL", None)
        or reverse("wagtailadmin_login"),
        "signedOut": _("登录已失效：请在新窗口重新登录后再保存，本页内容不会丢失。"),
        "signInLink": _("在新窗口登录"),
        "copyKept": _("本页有 %(time)s 未能保存的内容（当时登录已失效）。"),
        "restore": _("恢复未保存的内容"),
        "discard": _("丢弃"),
    }
    return format_html(
        '{}<script src="{}"></script>',
        json_script(config, "signed-out-editor-config"),
        static("js/admin/signed_out_editor.js"),
    )


# Wagtail's own messages, looked up in the active catalogue (Wagtail's or ours) as they are.
REFUSED_FOR_VALIDATION = (
    "The page could not be created due to validation errors.",
    "The page could not be saved due to validation errors.",
)


@hooks.register("insert_editor_js")
def say_an_autosaved_draft_was_saved():
    """After a save refused for validation errors, autosave saves the form as it stands (the
    required fields left for later): the refusal then says the draft was saved and the marked
    fields still need changing (static/js/admin/autosaved_after_refusal.js)."""
    config = {
        "refusals": [gettext(message) for message in REFUSED_FOR_VALIDATION],
        "saved": _("已自动保存为草稿，但尚未提交：页面有校验错误，请修改标出的字段后再提交。"),
    }
    return format_html(
        '{}<script src="{}"></script>',
        json_script(config, "autosaved-after-refusal-config"),
        static("js/admin/autosaved_after_refusal.js"),
    )


@hooks.register("insert_global_admin_js")
def keep_dates_as_typed():
    """Every date field of the admin keeps the date as typed when it loses focus (the picker's
    own check turned a date that does not exist into another one without a word), and its
    calendar shows the month of the date being typed (static/js/admin/dates_as_typed.js)."""
    return format_html('<script src="{}"></script>', static("js/admin/dates_as_typed.js"))


hooks.register("before_serve_page", page_cache.remember_tokens)
