"""A warning, not a refusal, when an administrator gives one person two review roles of one
organisation: a small office may need it across different runs, but within one run each step
is taken by a different person (RoleApprovalTask.refusal), so that person acts at one step of
each run only."""

from django.contrib import messages
from django.utils.translation import gettext as _

from disclosure.catalogue.models import Organisation
from disclosure.catalogue.staff_roles import organisation_ids_where, roles_held
from gongkai.accounts.roles import Role

from ..models import RoleApprovalTask


def review_step_roles():
    """The roles the workflow's review steps are taken in (初审, 保密审查, 分管领导)."""
    return set(RoleApprovalTask.objects.filter(active=True).values_list("role", flat=True))


def two_review_roles_warning(user):
    """The warning for `user` holding two or more review roles of one organisation, or None."""
    step_roles = review_step_roles()
    for organisation_id in sorted(organisation_ids_where(user)):
        roles = roles_held(user, organisation_id) & step_roles
        if len(roles) > 1:
            return _(
                "%(user)s现在同时担任%(organisation)s的%(roles)s。可以这样安排，但同一送审的"
                "各审核环节须由不同人员完成：此人在每次送审中只能审核其中一个环节，"
                "其余环节须由其他人员审核。"
            ) % {
                "user": user.get_username(),
                "organisation": Organisation.objects.get(pk=organisation_id).name,
                "roles": "、".join(str(Role(role).label) for role in sorted(roles)),
            }
    return None


def warn_of_two_review_roles(request, users):
    """After the user form or the bulk 分配角色 saved: a warning per user with two roles."""
    for user in users:
        warning = two_review_roles_warning(user)
        if warning:
            messages.warning(request, warning)
