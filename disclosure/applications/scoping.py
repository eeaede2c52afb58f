"""Each organisation's register is for its own handlers and administrators only.

Everything in the admin that reads applications or their cases goes through `scope()`; an
object outside the user's organisations is answered with 404, as if it did not exist.
"""

from django.http import Http404

from disclosure.applications.roles import handled_organisation_ids
from disclosure.catalogue.models import Organisation


def scope(queryset, user, organisation_field="organisation"):
    ids = handled_organisation_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{organisation_field}__in": ids})


def register_organisations(user):
    """The organisations whose register `user` handles (its own 依申请办理 and 管理员 groups';
    every one for a superuser alone). Not the walls' `organisations_visible_to` (catalogue
    staff_roles), which gives a site administrator every organisation: the register holds
    applicants' personal data, which a site administrator who is no superuser does not read."""
    return scope(Organisation.objects.order_by("name"), user, "pk")


def get_scoped_or_404(queryset, user, organisation_field="organisation", **lookup):
    try:
        return scope(queryset, user, organisation_field).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
