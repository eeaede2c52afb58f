"""Keeping the 指南's index entry in step with what it is generated from.

The guide's indexed text (`DisclosureGuidePage.generated_text`) holds the organisation's
address, hours and phone numbers and the list of its columns; none of them is saved with the
guide, so Wagtail's own reindex on publishing the guide would leave the index stale when the
organisation or a column changes. These receivers reindex the guides concerned once the
change commits, through the catalogue's batch indexing task.
"""

from django.db import transaction

from .tasks import index_pages_task


def reindex_guides_under(roots):
    """Queue a reindex of the live guides below the given disclosure roots, after commit."""
    from .models import DisclosureGuidePage

    guides = DisclosureGuidePage.objects.none()
    for root in roots:
        guides |= DisclosureGuidePage.objects.child_of(root)
    pks = list(guides.live().values_list("pk", flat=True))
    if pks:
        transaction.on_commit(
            lambda: index_pages_task.enqueue("catalogue", "disclosureguidepage", pks)
        )


def on_organisation_saved(sender, instance, raw=False, **kwargs):
    from .models import DisclosureIndexPage

    if not raw:
        reindex_guides_under(DisclosureIndexPage.objects.filter(organisation=instance))


def on_column_changed(sender, instance, **kwargs):
    """A column published, unpublished or renamed changes the guide's list of columns."""
    from .models import CategoryPage
    from .roots import disclosure_root_of

    if issubclass(instance.specific_class or type(instance), CategoryPage):
        root = disclosure_root_of(instance)
        reindex_guides_under([root] if root is not None else [])
