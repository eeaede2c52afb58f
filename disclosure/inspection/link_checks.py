"""Checking external links, for the Celery task: a bounded number per run, each with a
timeout, never two requests to one host closer together than the per-host interval.

The addresses come from editors' content, and the worker runs inside the office's network: a
link to an internal host (loopback, private, link-local such as a cloud's metadata service,
any address that is not globally routable) would make the worker probe it and the admin show
what answered. So every hop, redirects included (followed here, one at a time), is resolved
first and requested only when all its addresses are global or inside a network the operator
listed in GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS (an office whose portal links its
intranet); anything else is left unchecked with the reason. A name that resolves differently
between the check and the request (DNS rebinding) is not caught: the check bounds what an
editor's link reaches, it is not a firewall."""

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .links import linked_external_urls
from .models import ExternalLink, LinkState
from .scope import Scope

USER_AGENT = "Gongkai-LinkCheck/1.0 (government website inspection)"
MAX_REDIRECTS = 5


class NotChecked(Exception):
    """An address the checker does not request; the message says why, in Chinese."""


def _allowed_networks():
    return [
        ipaddress.ip_network(network, strict=False)
        for network in settings.GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS
    ]


def refuse_unless_public(url):
    """Raise NotChecked unless `url` is http(s) and every address its host resolves to is
    global or in an allowed network; a name that does not resolve is a broken link."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotChecked(_("只检查 http 和 https 网址"))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    allowed = _allowed_networks()
    for *_rest, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if not address.is_global and not any(address in network for network in allowed):
            raise NotChecked(
                _("指向内部网络地址（%(address)s），不检查：外部链接检查只访问互联网地址")
                % {"address": address}
            )


def _request(url, timeout):
    """The answer to `url` after its redirects, each hop checked before it is requested."""
    for _hop in range(MAX_REDIRECTS + 1):
        refuse_unless_public(url)
        options = {
            "timeout": timeout,
            "allow_redirects": False,
            "headers": {"User-Agent": USER_AGENT},
        }
        response = requests.head(url, **options)
        if response.status_code in (405, 501):  # a server that does not answer HEAD
            response = requests.get(url, stream=True, **options)
            response.close()
        if not response.is_redirect:
            return response
        url = urljoin(url, response.headers["location"])
    raise requests.TooManyRedirects(_("重定向超过 %(count)s 次") % {"count": MAX_REDIRECTS})


def record_linked_urls():
    """An ExternalLink row for every address live content links; rows nothing links go."""
    urls = set(linked_external_urls(Scope(None)))
    ExternalLink.objects.exclude(url__in=urls).delete()
    known = set(ExternalLink.objects.values_list("url", flat=True))
    ExternalLink.objects.bulk_create(
        ExternalLink(url=url, host=urlsplit(url).hostname or "") for url in sorted(urls - known)
    )
    return urls


def check_one(link, timeout):
    try:
        response = _request(link.url, timeout)
    except NotChecked as reason:
        link.state, link.http_status, link.error = LinkState.UNCHECKED, None, str(reason)[:300]
    except (requests.RequestException, OSError) as error:
        link.state, link.http_status, link.error = LinkState.BROKEN, None, str(error)[:300]
    else:
        link.http_status = response.status_code
        link.state = LinkState.BROKEN if response.status_code >= 400 else LinkState.OK
        link.error = ""
    link.checked_at = timezone.now()
    link.save(update_fields=["state", "http_status", "error", "checked_at"])
    return link


def check_external_links(limit=None, host_interval=None, timeout=None, sleep=time.sleep):
    """Check up to `limit` links, the least recently checked first. Returns how many."""
    if not settings.GONGKAI_INSPECTION_EXTERNAL_LINKS:
        return 0
    limit = limit or settings.GONGKAI_INSPECTION_LINK_MAX
    host_interval = (
        settings.GONGKAI_INSPECTION_LINK_HOST_INTERVAL if host_interval is None else host_interval
    )
    timeout = timeout or settings.GONGKAI_INSPECTION_LINK_TIMEOUT
    record_linked_urls()
    links = ExternalLink.objects.order_by(F("checked_at").asc(nulls_first=True), "pk")[:limit]
    last_request = {}
    for link in links:
        wait = last_request.get(link.host, -host_interval) + host_interval - time.monotonic()
        if wait > 0:
            sleep(wait)
        last_request[link.host] = time.monotonic()
        check_one(link, timeout)
    return len(links)
