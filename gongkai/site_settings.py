"""Site settings that a public page reads without writing.

Wagtail's ``BaseSiteSetting.for_request`` is get-or-create: the first page served for a site
without a saved footer inserted one, inside a visitor's GET. Under a busy SQLite that insert
waited for the lock and failed the page. Public pages now read the saved row, or show the
field defaults of an unsaved one; the row is created where settings are edited (``for_site``,
used by the admin's settings view and the demo loader)."""

from wagtail.models import Site


class ReadOnlyForRequestsMixin:
    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            raise cls.DoesNotExist(f"{cls} does not exist for site None.")
        instance = cls.base_queryset().filter(site=site).first() or cls(site=site)
        instance._request = request
        setattr(request, attr_name, instance)
        return instance
