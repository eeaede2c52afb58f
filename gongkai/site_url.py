"""The site's configured address, and the default Wagtail Site kept in line with it.

Wagtail builds every absolute link of a page (feeds, the sitemap, the API's ``html_url``,
``page.full_url``) from the Site record's hostname and port, and admin links in mails from
``WAGTAILADMIN_BASE_URL``. The first migration creates the Site as localhost:80, so under
`make run` both must follow the one configured address (settings: ``PORT`` gives
``WAGTAILADMIN_BASE_URL``), or links would point at a server that is not there.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def base_url():
    """``scheme://host[:port]`` without a trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    """The absolute URL of a path of this site (``/admin/…``)."""
    return base_url() + path


def configured_host_and_port():
    parts = urlsplit(base_url())
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def align_default_site():
    """Give the default Site the configured host and port; True when it changed."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = configured_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
