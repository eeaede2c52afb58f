"""Checking external links, for the Celery task: a bounded number per run, each with a
timeout, never two requests to one host closer together than the per-host interval."""

import time
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .links import linked_external_urls
from .models import ExternalLink, LinkState
from .scope import Scope

USER_AGENT = "Gongkai-LinkCheck/1.0 (government website inspection)"


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
        response = requests.head(
            link.url, timeout=timeout, allow_redirects=True, headers={"User-Agent": USER_AGENT}
        )
        if response.status_code in (405, 501):  # a server that does not answer HEAD
            response = requests.get(
                link.url,
                timeout=timeout,
                allow_redirects=True,
                stream=True,
                headers={"User-Agent": USER_AGENT},
            )
            response.close()
    except requests.RequestException as error:
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
