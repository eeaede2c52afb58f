from wagtail import hooks

from gongkai.templatetags.navigation import PORTAL_NAVIGATION, SITE_IDENTITY

from .identity import page_identity
from .portal_nav import portal_nav

# The site's skeleton shows the navigation home finds (gongkai/templatetags/navigation.py).
hooks.register(PORTAL_NAVIGATION, portal_nav)


# The skeleton's sponsor, footer and registration numbers: the site's footer settings, or
# the organisation whose section the page is in (home/identity.py).
hooks.register(SITE_IDENTITY, page_identity)
