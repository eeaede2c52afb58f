"""Site settings that a public page reads without writing.

Wagtail's ``BaseSiteSetting.for_request`` is get-or-create: the first page served for a site
without a saved footer inserted one, inside a visitor's GET. Under a busy SQLite that insert
waited for the lock and failed the page. Public pages now read the saved row, or show the
field defaults of an unsaved one; the row is created where settings are edited (``for_site``,
used by the admin's settings view and the demo loader).

A site setting changes only by what renews the page cache's site token, so a public request
that missed the page cache reads the row from memory (remembered_site.py)."""

from wagtail.models import Site

from .page_cache import remember_while_site_unchanged
from .remembered_site import rebuilt, row_values


class ReadOnlyForRequestsMixin:
    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            raise cls.DoesNotExist(f"{cls} does not exist for site None.")
        key = ("site setting", cls._meta.label, site.pk)
        row = remember_while_site_unchanged(request, key, lambda: cls._saved_row(site))
        instance = rebuilt(row) if row is not None else cls(site=site)
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    @classmethod
    def _saved_row(cls, site):
        saved = cls.base_queryset().filter(site=site).first()
        return row_values(saved) if saved is not None else None
