"""Who sees which inspection reports and edits the inspection's data, through the walls
(disclosure/moderation/organisations/walls.py): an organisation's staff see their own organisation's
report; whoever sees every organisation (staff_roles.sees_every_organisation: a site
administrator, recorded with an organisation or not) sees every report and the platform overview;
site administrators alone edit the thresholds, column types and the list of misstatements."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from gongkai.accounts.administrators import is_site_administrator, site_administrators_q


class SiteAdministratorsOnly(BasePermissionPolicy):
    """Every action on the model, for site administrators only: the thresholds are the
    platform's, like the sensitive-word list (gongkai.accounts.site_wide)."""

    def user_has_permission(self, user, action):
        return is_site_administrator(user)

    def user_has_any_permission(self, user, actions):
        return is_site_administrator(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(site_administrators_q(), is_active=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
