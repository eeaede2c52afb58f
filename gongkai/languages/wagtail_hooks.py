from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.wagtail_hooks import SettingsMenuItem
from wagtail_localize.locales.wagtail_hooks import LocalesMenuItem

from gongkai.templatetags.navigation import PAGE_VERSIONS, SITE_TOOLBAR

from .patches.translation_buttons import translation_rows
from .switcher import versions

# Links to Wagtail's English guides on its own website: unreadable for the offices and out of
# reach of a closed government network. The keyboard-shortcuts item stays.
EXTERNAL_HELP = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register(PAGE_VERSIONS)
def language_versions_of_page(request, page):
    """The site's skeleton links the page's versions in other languages (`hreflang`) and
    hands them to the toolbar's switcher."""
    return versions(request, page)


@hooks.register(SITE_TOOLBAR)
def language_and_display_toolbar(context):
    """The site's skeleton shows the language switcher and the display settings here, rendered
    in the page's own context (its language versions, `display`) as an include would."""
    return get_template("languages/toolbar.html").template.render(context)


@hooks.register("construct_help_menu")
def keep_help_inside_the_platform(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(EXTERNAL_HELP)]


@hooks.register("construct_main_menu")
def settings_menu_without_version(request, menu_items):
    """Wagtail's settings submenu ends with "Wagtail v8.0.1": English, and the exact version of
    the software to whoever signs in. The same submenu without that footer."""
    for position, item in enumerate(menu_items):
        if isinstance(item, SettingsMenuItem):
            menu_items[position] = SubmenuMenuItem(
                item.label,
                item.menu,
                name=item.name,
                classname=item.classname,
                icon_name=item.icon_name,
                attrs=item.attrs,
                order=item.order,
            )


@hooks.register("construct_settings_menu")
def locales_come_from_settings(request, menu_items):
    """The content languages are LANGUAGES in the settings (docs/languages.md): migrate creates
    their locales. wagtail-localize's locale editor would let an administrator add, remove or
    re-sync languages behind the settings' back (and shows English of its own), so it is not
    offered."""
    menu_items[:] = [item for item in menu_items if not isinstance(item, LocalesMenuItem)]


@hooks.register("insert_editor_js")
def localize_editor_in_chinese():
    """The two texts wagtail-localize's translation editor writes without gettext (its heading
    and the actions menu's label), in the admin's language (static/js/admin/localize_editor.js);
    wagtail-localize renders this hook in its editor too."""
    return format_html(
        '{}<script src="{}"></script>',
        json_script(
            {"heading": _("翻译：%(source)s → %(target)s"), "moreActions": _("更多操作")},
            "localize-editor-chinese",
        ),
        static("js/admin/localize_editor.js"),
    )


@hooks.register("construct_explorer_page_queryset")
def translation_offers_read_with_rows(parent_page, pages, request):
    """Each row's 翻译此页面 and 同步已翻译页面 offers read their answers with the rows
    (patches/translation_buttons.py)."""
    return pages.annotate(**translation_rows(request.user))
