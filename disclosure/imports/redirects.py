"""Old addresses keep working: an imported record's `source_url` on the old site's host becomes a
permanent Wagtail redirect (wagtail.contrib.redirects) from its path to the new page.

The old host's name is pointed at this site when it moves; Wagtail's redirect middleware answers
only requests that would otherwise be 404, so an old path never hides a page of the new site.
The redirect is for every site (`site=None`): the old host is not one of this site's `Site`s.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect

OLD_PATH_MAX_LENGTH = Redirect._meta.get_field("old_path").max_length


def normalise_host(host):
    host = (host or "").strip().lower()
    if "//" in host:  # given as an address: keep its host
        host = urlsplit(host).hostname or ""
    return host.rstrip(".")


def redirect_old_address(source_url, page, host):
    """Point the old address at `page`; returns a note when it cannot, else None."""
    if not source_url:
        return None
    parts = urlsplit(source_url)
    if normalise_host(parts.hostname) != host:
        return _("原网址不在 %(host)s 上，未建立跳转。") % {"host": host}
    old_path = Redirect.normalise_path(source_url)
    if old_path == "/" or len(old_path) > OLD_PATH_MAX_LENGTH:
        return _("原网址的路径为空或超过 %(limit)d 个字符，未建立跳转。") % {
            "limit": OLD_PATH_MAX_LENGTH
        }
    Redirect.objects.update_or_create(
        old_path=old_path,
        site=None,
        defaults={
            "redirect_page": page,
            "redirect_page_route_path": "",
            "redirect_link": "",
            "is_permanent": True,
        },
    )
    return None
