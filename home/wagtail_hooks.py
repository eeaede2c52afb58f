from wagtail import hooks

from gongkai.templatetags.navigation import PORTAL_NAVIGATION

from .portal_nav import portal_nav

# The site's skeleton shows the navigation home finds (gongkai/templatetags/navigation.py).
hooks.register(PORTAL_NAVIGATION, portal_nav)
