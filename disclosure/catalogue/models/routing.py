"""Routing a public address with one query for the pages on its path.

Wagtail routes ``/xxgk/notices/item/`` one level at a time: each level asks the database for
its child with the next slug, then again for that child's own fields (``.specific``): two
queries a level, six for an item page, before anything is rendered. A page with this mixin
reads, the first time a request is routed through it, every page below it whose slug is on the
rest of the path (one query on the slug index), and hands each level its child from what it
read. Each child's own ``route`` still runs, so routable pages answer their sub-routes first as
in Wagtail; the pages only passed through are built without their own fields
(``specific_deferred``, no query), the last page on the path is read in full, with the relations
its class names in ``route_select_related``. A child not found in what was read is asked for
as Wagtail asks (none is a 404): nothing is served that Wagtail's routing would not serve, and
the live check stays Wagtail's (``Page.route``).

Two siblings with one slug (Wagtail checks slugs in the form, not in the database: bad data or
two saves racing) made Wagtail's ``get(slug=…)`` raise ``MultipleObjectsReturned``, a 500 on the
page and on the API's ``find/?html_path=``. Here the address goes to one of them, always the
same: the live one with the lowest tree path (``preferred_child``).
"""

from django.http import Http404
from wagtail.models import Page

_ROWS_ATTR = "_gongkai_pages_on_path"


def _pages_on_path(request, top, components):
    """{(parent path, slug): [pages]} of the pages below `top` that may be on the path."""
    rows = getattr(request, _ROWS_ATTR, None)
    if rows is None:
        rows = {}
        candidates = Page.objects.filter(
            path__startswith=top.path,
            depth__gt=top.depth,
            depth__lte=top.depth + len(components),
            slug__in=set(components),
        )
        for page in candidates:
            rows.setdefault((page.path[: -page.steplen], page.slug), []).append(page)
        setattr(request, _ROWS_ATTR, rows)
    return rows


def _in_full(page):
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    related = getattr(model, "route_select_related", ())
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():  # as get_specific: the parent read on the way
        specific.__dict__.setdefault(name, value)
    return specific


def preferred_child(children):
    """Of siblings sharing a slug, the one their address leads to: a live one first, then the
    lowest tree path (the oldest), so that the choice never changes from request to request."""
    return min(children, key=lambda page: (not page.live, page.path))


class PathRouteMixin:
    # Relations the served page reads anyway (the item's 主题分类), read with it.
    route_select_related = ()

    def route(self, request, path_components):
        if path_components:
            rows = _pages_on_path(request, self, path_components)
            children = rows.get((self.path, path_components[0])) or list(
                self.get_children().filter(slug=path_components[0])
            )
            if children:
                child, remaining = preferred_child(children), path_components[1:]
                child._cached_parent_obj = self
                passing_through = bool(remaining) and (child.path, remaining[0]) in rows
                page = child.specific_deferred if passing_through else _in_full(child)
                return page.route(request, remaining)
            raise Http404
        return super().route(request, path_components)
