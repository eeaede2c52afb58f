"""The walls between organisations on the admin API (/admin/api/main/): every endpoint
registered there lists and details only what the requester may see.

Wagtail's admin API filters pages by explorable permission and documents and images only by
collection view restrictions (meant for the public), so any staff user searched another
organisation's unpublished files by title and got their download addresses. Each endpoint is
replaced, through the `construct_admin_api` hook (after every app registered its own), by a
subclass whose queryset stops at the walls: pages of other organisations are not named,
documents and images are `attachments.visible_attachments`. An endpoint of any other kind
makes the hook fail, so a new one is classified before it is served.
"""

from wagtail.models import CollectionMember, Page

from disclosure.catalogue.staff_roles import sees_every_organisation

from ..organisations.admin_page_walls import other_organisations_pages_q
from .attachments import visible_attachments


def _walled_pages(queryset, user):
    if sees_every_organisation(user):
        return queryset
    return queryset.exclude(other_organisations_pages_q(user))


def _walled_attachments(queryset, user):
    return queryset.filter(pk__in=visible_attachments(queryset.model, user).values("pk"))


def _wall_of(model):
    if issubclass(model, Page):
        return _walled_pages
    if issubclass(model, CollectionMember):
        return _walled_attachments
    raise LookupError(f"admin API endpoint for {model!r} is not walled between organisations")


def walled(endpoint):
    wall = _wall_of(endpoint.model)

    class WalledEndpoint(endpoint):
        def get_queryset(self):
            return wall(super().get_queryset(), self.request.user)

        def get_base_queryset(self):
            # The pages endpoint's filters (child_of, descendant_of, …) look parents up here.
            return wall(super().get_base_queryset(), self.request.user)

    WalledEndpoint.__name__ = f"Walled{endpoint.__name__}"
    return WalledEndpoint


def wall_every_endpoint(router):
    """The `construct_admin_api` hook, registered to run after every other."""
    for name, endpoint in list(router._endpoints.items()):
        router.register_endpoint(name, walled(endpoint))
