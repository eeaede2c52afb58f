"""Old addresses keep working: an imported record's `source_url` on the old site's host becomes a
permanent Wagtail redirect (wagtail.contrib.redirects) from its path to the new page.

The old host's name is pointed at this site when it moves; Wagtail's redirect middleware answers
only requests that would otherwise be 404, so an old path never hides a page of the new site.
The redirect is for every site (`site=None`): the old host is not one of this site's `Site`s.
"""

from urllib.parse import urlsplit, urlunsplit

from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect

OLD_PATH_MAX_LENGTH = Redirect._meta.get_field("old_path").max_length


def normalise_host(host):
    host = (host or "").strip().lower()
    if "//" in host:  # given as an address: keep its host
        host = urlsplit(host).hostname or ""
    return host.rstrip(".")


def normalise_address(url):
    """An old address as the import keys it: without its fragment (never sent to a server) and
    its scheme's default port, scheme and host in lower case (none of them tells pages apart).
    The path keeps its case: most servers tell /A.html from /a.html."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url.split("#", 1)[0]
    scheme, host = parts.scheme.lower(), parts.netloc.lower()
    default_port = DEFAULT_PORTS.get(scheme)
    if default_port and host.endswith(default_port):  # http://host:80/ is http://host/
        host = host[: -len(default_port)]
    return urlunsplit((scheme, host, parts.path, parts.query, ""))


DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def address_variants(url):
    """The keys under which an earlier import may hold the same page: the site moved from
    http to https (or back) between exports."""
    for scheme, other in (("http://", "https://"), ("https://", "http://")):
        if url.startswith(scheme):
            return [url, other + url[len(scheme) :]]
    return [url]


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
