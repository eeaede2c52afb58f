"""A shared cache of public pages, invalidated by what changed.

Anonymous visitors read the same pages over and over; on a county platform dozens of offices
publish all day. Rendered pages are kept in their own cache (``CACHES["pages"]``: Redis in
production, shared by every web process and worker). Each rendering is stored with two
tokens read before it was rendered: its page's and the site's. A hit is served only while both
are unchanged; a token missing from the cache (evicted, never set) is a miss, never a stale hit.

A change to page P (publish, unpublish, delete) renews the tokens of the pages that show it:
P, its ancestors (columns list their children, the home page the latest items, the feeds are
their routes), its other languages (the language switcher) and the pages it links to or that
link to it (Wagtail's reference index, before and after the change: a 政策文件 lists the 解读
that names it; content_references.page_published writes a published page's rows as it is
published, not after the commit). Page types whose pages appear elsewhere in ways no link
records (an organisation's root, its 指南, columns and indexes make up every page's navigation and
breadcrumbs) renew the site's token instead, as do moves, view restrictions, sites (their
root page, port and name), site settings and snippets. A document or image changed renews
the pages that reference it.
A page type declares itself local with ``page_cache_changes_show_site_wide = False``.
Many pages published at once (an import's batch, inside ``deferred_receivers.many_changes``)
renew the site's token once.
Tokens are renewed at the change and again when it commits: a rendering that read the old
content is stored under a token that no longer holds.

Only Wagtail's page serving is stored (feeds are page routes, so they are too), only at
addresses whose query string names nothing but what the page reads (``page_cache_parameters``
of its class, and the display modes every page reads), at most PAGE_CACHE_VARIANTS addresses
with a query string per version of a page (a column's page numbers: any number answers), only
for requests without a session (signed-in editors and visitors who passed a password restriction
always get a fresh page), only for 200 responses that set no cookie and are not marked private.
The middleware stands first, so a hit costs no security redirect check, static file lookup,
session, authentication, two-factor, throttling or database work: the security middleware's
headers were stored with the page, and a request over plain HTTP is an address never stored.
"""

import hashlib
import threading
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.snippets.models import get_snippet_models

from .content_references import page_ids_referring_to, referenced_ids
from .deferred_receivers import DeferredReceiver

PAGE_CACHE_ALIAS = "pages"
SITE_TOKEN = "page-token:site"
# Renewed by every change to which pages are public: a publication, an unpublication or a
# deletion anywhere, a move, a view restriction. Guards what is derived from all public pages
# at once (the search page's year choices: `remember_until_publication`).
PUBLICATIONS_TOKEN = "page-token:publications"
_TOKENS_ATTR = "_gongkai_page_cache_tokens"
_SITE_TOKEN_ATTR = "_gongkai_page_cache_site_token"


def page_cache():
    return caches[PAGE_CACHE_ALIAS]


def _page_token(page_id):
    return f"page-token:{page_id}"


def _renew(keys):
    keys = list(keys)
    if keys:
        page_cache().set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


def _renew_now_and_on_commit(keys):
    # Now, for the requests that read committed content meanwhile; again at the commit, for
    # a rendering that read the old content and its tokens while the change was committing.
    keys = set(keys)
    _renew(keys)
    transaction.on_commit(lambda: _renew(keys))


def _tokens(keys):
    """The current tokens of `keys`, creating those the cache does not hold."""
    cache = page_cache()
    tokens = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in tokens}
    for key, token in missing.items():
        cache.add(key, token, timeout=None)
    if missing:
        tokens.update(cache.get_many(missing))  # whichever process's add won
    # A cache that keeps nothing (the development settings' dummy cache) still gives each key a
    # token: one of this call's, so nothing computed now is ever taken for current later.
    return {**missing, **tokens}


def shared_token(key):
    """The current token of `key` in the page cache, shared by every web process and worker
    (created when the cache does not hold it): a version of something else a process keeps in
    memory, renewed by renew_shared_token wherever it changes (the working-day calendar)."""
    return _tokens([key])[key]


def renew_shared_token(key):
    """Renew `key`'s token now and when the change commits (as a page's): every process
    reading shared_token(key) afterwards sees a new version."""
    _renew_now_and_on_commit([key])


# ---------------------------------------------------------------- what a change renews
def shows_site_wide(page):
    return getattr(page.specific_class, "page_cache_changes_show_site_wide", True)


def _links_of(page):
    """The pages `page`'s content links to."""
    return referenced_ids(page, Page)


def _previously_live(page, revision):
    """What was live before this publication: the revision of the last publication logged
    (Wagtail sends page_published before it logs the new one)."""
    revision_id = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision_id=getattr(revision, "pk", None))
        .order_by("-timestamp", "-pk")
        .values_list("revision_id", flat=True)
        .first()
    )
    previous = Revision.objects.filter(pk=revision_id).first() if revision_id else None
    return previous.as_object() if previous else None


def _pages_showing(page, before=None):
    """The page, its ancestors, its languages, and the pages linked with it in either
    direction, now and before the change."""
    ancestor_paths = [page.path[:end] for end in range(page.steplen, len(page.path), page.steplen)]
    ids = {page.pk, *_links_of(page), *page_ids_referring_to(page)}
    if before is not None:
        ids |= _links_of(before)
    ids |= set(
        Page.objects.filter(
            Q(path__in=ancestor_paths) | Q(translation_key=page.translation_key)
        ).values_list("pk", flat=True)
    )
    return ids


def _renew_pages_showing(page, before=None):
    if shows_site_wide(page):
        _renew_now_and_on_commit([SITE_TOKEN, PUBLICATIONS_TOKEN])
    else:
        keys = [_page_token(pk) for pk in _pages_showing(page, before)]
        _renew_now_and_on_commit([*keys, PUBLICATIONS_TOKEN])


def _renew_site(pages):
    _renew_now_and_on_commit([SITE_TOKEN, PUBLICATIONS_TOKEN])


# Many pages published at once (an import's batch): the site's token once, instead of working
# out for each page which pages show it.
_many_published = DeferredReceiver(_renew_site)


def page_published(instance, revision=None, **kwargs):
    """Signal receiver."""
    if _many_published.defer(instance):
        return
    before = None if shows_site_wide(instance) else _previously_live(instance, revision)
    _renew_pages_showing(instance, before)


def page_removed(instance, **kwargs):
    """Signal receiver: a page was unpublished or deleted."""
    if isinstance(instance, Page):
        _renew_pages_showing(instance)


# What Wagtail records of a file when a page first shows it: nothing the page shows changes.
_RECORDED_ON_READING = {"file_size", "file_hash"}


def attachment_changed(sender, instance, update_fields=None, **kwargs):
    """Signal receiver: a document or image was renamed, replaced or deleted; the pages that
    show it (its title, its link) are the pages that reference it."""
    if update_fields and set(update_fields) <= _RECORDED_ON_READING:
        return
    _renew_now_and_on_commit(_page_token(page_id) for page_id in page_ids_referring_to(instance))


def site_changed(**kwargs):
    """Signal receiver: a page moved, a view restriction or a site changed."""
    _renew_now_and_on_commit([SITE_TOKEN, PUBLICATIONS_TOKEN])


def site_object_changed(sender, **kwargs):
    """Signal receiver for every model: site settings (the footer's 主办/承办, 备案号) and
    snippets (an organisation's name in every banner) appear on pages no link records."""
    if issubclass(sender, BaseSiteSetting) or sender in get_snippet_models():
        _renew_now_and_on_commit([SITE_TOKEN])


def remember_until_publication(key, compute, timeout=None):
    """compute(), kept in the page cache (shared by every process) until the public pages
    change (PUBLICATIONS_TOKEN). The token is read before computing: a change committed
    meanwhile renews it, so what was computed from the old pages is never served after it."""
    cache = page_cache()
    held = cache.get_many([PUBLICATIONS_TOKEN, key])
    token, entry = held.get(PUBLICATIONS_TOKEN), held.get(key)
    if token is not None and entry is not None and entry[0] == token:
        return entry[1]
    if token is None:
        token = _tokens([PUBLICATIONS_TOKEN])[PUBLICATIONS_TOKEN]
    value = compute()
    cache.set(key, (token, value), timeout)
    return value


def holds_site_token(request):
    """Whether what remember_while_site_unchanged computes for `request` is kept."""
    return getattr(request, _SITE_TOKEN_ATTR, None) is not None


class ProcessMemo:
    """Values kept in this process under a token, the least recently used dropped past `size`
    entries: those of an old token are never read again and age out."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, token, compute):
        memo_key = (key, token)
        with self._lock:
            if memo_key in self._entries:
                self._entries.move_to_end(memo_key)
                return self._entries[memo_key]
        value = compute()
        with self._lock:
            self._entries[memo_key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


# What remember_while_site_unchanged keeps: an entry per organisation's section (a few kB each),
# the site, its settings.
SITE_MEMO = ProcessMemo(512)


def remember_while_site_unchanged(request, key, compute, memo=SITE_MEMO):
    """compute(), kept in this process while the site's token the request's rendering will be
    stored under is current: for what only site-wide changes alter (the site and its home
    page, an organisation's columns, which every page's navigation shows, the footer), so that
    a page rendered again after its own change does not compute it again. Without that token
    (the page cache off, a signed-in editor, a request that is no GET) it is computed every
    time. Callers keep values, never model instances a request could alter for the next. A
    caller keeping many or large values passes a `memo` of its own."""
    token = getattr(request, _SITE_TOKEN_ATTR, None)
    if token is None:
        return compute()
    return memo.get(key, token, compute)


def remember_under_site_token(key, compute):
    """compute(), kept in this process while the site's token is current, read from the page
    cache (one read): remember_while_site_unchanged where no request is at hand."""
    return SITE_MEMO.get(key, shared_token(SITE_TOKEN), compute)


# ---------------------------------------------------------------- serving and storing
def _cache_key(request):
    # Wagtail picks the site by the Host header's name and the port the server listens on
    # (`get_port`), which the address alone does not say: two sites told apart by port would
    # share a copy.
    address = f"{request.build_absolute_uri()} {request.get_port()}"
    return "stored-page:" + hashlib.sha256(address.encode()).hexdigest()


def _stored(response):
    """What is kept of a response: its status, headers and body as plain values, which load in
    a fraction of the time a pickled HttpResponse takes (its header and cookie objects) on
    every hit."""
    return response.status_code, list(response.items()), response.content


def _served(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _response_is_shareable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


# Query parameters every page reads, named by the apps that read them (the display modes).
_READ_BY_EVERY_PAGE = set()


def every_page_reads(*names):
    _READ_BY_EVERY_PAGE.update(names)


def reads_every_parameter(page, query):
    """Whether `page` reads every parameter of the query string `query` (a QueryDict), each
    once: a parameter it does not read changes nothing it shows but the links that keep the
    query string (the display modes' links), and would make a copy of its own."""
    known = {*_READ_BY_EVERY_PAGE, *getattr(page.specific_class, "page_cache_parameters", ())}
    return all(name in known and len(query.getlist(name)) == 1 for name in query)


def remember_tokens(page, request, serve_args, serve_kwargs):
    """Wagtail hook `before_serve_page`: the tokens this rendering will be stored under, read
    before it reads any content: the site's when the request came in, the page's now."""
    site_token = getattr(request, _SITE_TOKEN_ATTR, None)
    if (
        site_token is not None
        and not request.user.is_authenticated
        and reads_every_parameter(page, request.GET)
    ):
        page_key = _page_token(page.pk)
        tokens = {SITE_TOKEN: site_token, page_key: _tokens([page_key])[page_key]}
        if shows_site_wide(page) or _as_routed(page):
            setattr(request, _TOKENS_ATTR, tokens)


def _as_routed(page):
    """Whether the page's row is still the one routing read. Routing reads it before the page's
    token is read: a change committed in between (a 撤稿, a new version) renewed the token
    before this request read it, and the old rendering must not be stored under it. A page
    whose changes renew the site's token needs no such check: that token was read before
    routing."""
    return Page.objects.filter(
        pk=page.pk,
        live=page.live,
        live_revision_id=page.live_revision_id,
        last_published_at=page.last_published_at,
    ).exists()


def _one_more_address(request, tokens):
    """Whether a copy at this address may be stored: always without a query string, else while
    the page's version has fewer than PAGE_CACHE_VARIANTS such copies (counted under its token,
    so a change to the page starts again)."""
    if not request.META.get("QUERY_STRING"):
        return True
    (page_key,) = (key for key in tokens if key != SITE_TOKEN)
    counter = f"page-addresses:{page_key}:{tokens[page_key]}"
    cache = page_cache()
    cache.add(counter, 0, settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_VARIANTS
    except ValueError:  # evicted between add and incr: count it as full
        return False


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        shareable = (
            request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(settings.STATIC_URL)  # served by whitenoise
        )
        if shareable:
            cached, site_token = self._fresh_copy(request)
            if cached is not None:
                return cached
            # Read with the stored copy, before anything of the site is: what is remembered
            # under it (remember_while_site_unchanged) and the rendering are never older.
            setattr(request, _SITE_TOKEN_ATTR, site_token)
        response = self.get_response(request)
        tokens = getattr(request, _TOKENS_ATTR, None)
        if tokens and _response_is_shareable(response) and _one_more_address(request, tokens):
            page_cache().set(
                _cache_key(request), (tokens, _stored(response)), settings.PAGE_CACHE_SECONDS
            )
        return response

    @staticmethod
    def _fresh_copy(request):
        """(the stored response if its tokens are current else None, the site's token)."""
        cache = page_cache()
        key = _cache_key(request)
        held = cache.get_many([key, SITE_TOKEN])
        site_token = held.get(SITE_TOKEN) or _tokens([SITE_TOKEN])[SITE_TOKEN]
        entry = held.get(key)
        if entry is None:
            return None, site_token
        tokens, stored = entry
        others = {key: token for key, token in tokens.items() if key != SITE_TOKEN}
        if tokens.get(SITE_TOKEN) != site_token or cache.get_many(list(others)) != others:
            return None, site_token
        response = _served(stored)
        response["X-Page-Cache"] = "hit"
        return response, site_token
