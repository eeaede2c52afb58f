from wagtail import hooks

# Links to Wagtail's English guides on its own website: unreadable for the offices and out of
# reach of a closed government network. The keyboard-shortcuts item stays.
EXTERNAL_HELP = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def keep_help_inside_the_platform(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(EXTERNAL_HELP)]
