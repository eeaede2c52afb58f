"""Public pages in the query that lists them.

Wagtail's ``PageQuerySet.public()`` first reads every restricted page's path (a query of its
own, on every call), then excludes the pages at or below each. ``unrestricted`` excludes the
same pages with a subquery of the listing's own statement: one query fewer wherever a page
lists others (the navigation of every public page), with the same result.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def _restricted_at_or_above(path):
    return PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path), 1, Length("page__path"))
    )


def unrestricted(queryset):
    """The pages of `queryset` neither under a view restriction nor below one, nor aliases of
    such a page (an alias carries its source's restrictions: patches/alias_restrictions.py)."""
    return queryset.filter(
        ~Exists(_restricted_at_or_above("path")),
        ~Exists(_restricted_at_or_above("alias_of__path")),
    )
