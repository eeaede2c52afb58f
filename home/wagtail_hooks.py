from wagtail import hooks

from gongkai.templatetags.navigation import PORTAL_NAVIGATION, SITE_IDENTITY

from .models import SiteFooterSettings
from .portal_nav import portal_nav

# The site's skeleton shows the navigation home finds (gongkai/templatetags/navigation.py).
hooks.register(PORTAL_NAVIGATION, portal_nav)


@hooks.register(SITE_IDENTITY)
def site_identity(request):
    """The skeleton's sponsor, footer and registration numbers: the site's footer settings."""
    return SiteFooterSettings.for_request(request)
