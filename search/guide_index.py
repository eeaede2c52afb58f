"""Keeping the 指南's index entry in step with what it is generated from.

The guide's indexed text (`DisclosureGuidePage.generated_text`) holds the organisation's
address, hours and phone numbers and the list of its columns; none of them is saved with the
guide, so Wagtail's own reindex on publishing the guide would leave the index stale when the
organisation or a column changes. These receivers ask for a reindex of the guides concerned in
the transaction of the change (an outbox row, search/indexing.py): it runs after the commit, or
later through the relay if the process stops between the commit and the broker.
"""

from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
)
from disclosure.catalogue.roots import disclosure_root_of
from search.indexing import queue_index_update


def reindex_guides_under(roots):
    """Queue a reindex of the live guides below the given disclosure roots."""
    guides = DisclosureGuidePage.objects.none()
    for root in roots:
        guides |= DisclosureGuidePage.objects.child_of(root)
    queue_index_update(DisclosureGuidePage, guides.live().values_list("pk", flat=True))


def on_organisation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_guides_under(DisclosureIndexPage.objects.filter(organisation=instance))


def on_column_changed(sender, instance, **kwargs):
    """A column published, unpublished or renamed changes the guide's list of columns."""
    if issubclass(instance.specific_class or type(instance), CategoryPage):
        root = disclosure_root_of(instance)
        reindex_guides_under([root] if root is not None else [])
