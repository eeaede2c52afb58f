"""Wagtail's user and group admin behind the walls between organisations (walls.py).

Every view of Wagtail's UserViewSet that reads or changes one user goes through
`ScopedUserMixin.get_object`; the listing, its filters and the bulk actions see only the users
the requester may manage; the forms offer only the groups it may assign, keep the groups it may
not touch, and let nobody but a superuser set `is_superuser`, nobody but a site administrator the
organisation.
Installed through `users_app.UsersConfig` (Wagtail's documented way to replace these
viewsets); the bulk actions are registered in wagtail_hooks.py.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.usage import UsageView
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups as wagtail_groups
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from disclosure.catalogue.models import Organisation
from disclosure.catalogue.staff_roles import (
    organisation_group_ids_of_user_id,
    organisation_id_of_user,
    sees_every_organisation,
)
from gongkai.accounts.administrators import is_site_administrator

from ..organisations.kept_site_wide_objects import SiteWideGroupKept
from ..organisations.membership import (
    conflict,
    move_user,
    role_group_organisations,
)
from ..organisations.walls import (
    assignable_groups,
    can_manage_user,
    manageable_users,
)

SUPERUSERS_ONLY = _("只有超级管理员可以设置。")


# Forms ---------------------------------------------------------------------------------------


class OrganisationScopedUserForm:
    """Mixed into Wagtail's user forms; `for_user` is the administrator filling the form."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Whoever sees every organisation places users in any of them (and leaves them
        # site-wide); anyone else places them in its own.
        self.chooses_organisation = sees_every_organisation(for_user)
        self.organisation_id = organisation_id_of_user(for_user)
        allowed = assignable_groups(for_user)
        self.fields["groups"].queryset = allowed
        # Memberships the administrator may not touch (site-wide roles, other organisations)
        # are kept as they are, neither shown nor dropped.
        self.kept_groups = (
            list(self.instance.groups.exclude(pk__in=allowed.values("pk")))
            if self.instance.pk
            else []
        )
        if "is_superuser" in self.fields:
            # Wagtail's “Administrator” read 管理员, beside the role group …·管理员 on the tab.
            self.fields["is_superuser"].label = _("超级管理员")
        if "is_superuser" in self.fields and not getattr(for_user, "is_superuser", False):
            field = self.fields["is_superuser"]
            field.disabled = True
            field.help_text = SUPERUSERS_ONLY
        if self.chooses_organisation:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("所属公开主体"),
                queryset=Organisation.objects.order_by("name"),
                required=False,
                error_messages={"invalid_choice": _("请从列表中选择公开主体。")},
                initial=organisation_id_of_user(self.instance),
                help_text=_(
                    "留空则按所在的机构角色组确定；不属于任何机构的用户看不到任何机构的内容"
                    "（站点管理员除外），只有站点管理员可以管理。"
                ),
            )

    def clean(self):
        cleaned_data = super().clean()
        groups = {group.pk for group in cleaned_data.get("groups") or ()}
        groups |= {group.pk for group in self.kept_groups}
        if self.chooses_organisation:
            chosen = cleaned_data.get("organisation")
            organisation_id = chosen.pk if chosen else None
        else:
            organisation_id = self.organisation_id
        # One organisation per user: its role groups are all that organisation's
        # (organisations/membership.py).
        message = conflict(organisation_id, groups)
        if message:
            self.add_error("groups", message)
        is_superuser = cleaned_data.get("is_superuser", self.instance.is_superuser)
        if organisation_id is None and not is_superuser:
            # Left empty: the organisation whose role groups the user is in (superusers stay
            # site-wide).
            organisation_id = next(iter(role_group_organisations(groups)), None)
        self.target_organisation_id = organisation_id
        return cleaned_data

    def _save_m2m(self):
        user = self.instance
        if self.chooses_organisation or self.organisation_id is not None:
            # Organisation first (leaving other organisations' role groups), groups after.
            move_user(user, self.target_organisation_id)
        super()._save_m2m()
        if self.kept_groups:
            user.groups.add(*self.kept_groups)


class ScopedUserCreationForm(OrganisationScopedUserForm, UserCreationForm):
    pass


class ScopedUserEditForm(OrganisationScopedUserForm, UserEditForm):
    pass


# User views ----------------------------------------------------------------------------------


class ScopedUserMixin:
    """A user outside the requester's walls answers 403, whatever the view does with it."""

    def get_object(self, *args, **kwargs):
        user = super().get_object(*args, **kwargs)
        if not can_manage_user(self.request.user, user):
            raise PermissionDenied
        return user


class RequesterFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class ScopedUserFilterSet(wagtail_users.UserFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["group"].queryset = assignable_groups(request.user)


class UserIndexView(wagtail_users.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=manageable_users(self.request.user))


class UserCreateView(RequesterFormMixin, wagtail_users.CreateView):
    def dispatch(self, request, *args, **kwargs):
        if (
            not sees_every_organisation(request.user)
            and organisation_id_of_user(request.user) is None
        ):
            # A user without an organisation who does not see every organisation has none to fill.
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserEditView(ScopedUserMixin, RequesterFormMixin, wagtail_users.EditView):
    pass


class UserDeleteView(ScopedUserMixin, wagtail_users.DeleteView):
    pass


class UserHistoryView(ScopedUserMixin, wagtail_users.HistoryView):
    pass


class UserUsageView(ScopedUserMixin, UsageView):
    pass


class UserViewSet(wagtail_users.UserViewSet):
    filterset_class = ScopedUserFilterSet
    index_view_class = UserIndexView
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView
    history_view_class = UserHistoryView
    usage_view_class = UserUsageView
    # Copying prefills a new account from any user's record; an account is made from scratch.
    copy_view_enabled = False
    create_template_name = "moderation/users/create.html"
    edit_template_name = "moderation/users/edit.html"

    def get_form_class(self, for_update=False):
        return ScopedUserEditForm if for_update else ScopedUserCreationForm


# Group views: a group's permissions decide what its members may do anywhere, so only site
# administrators create, edit or delete groups; others list their own organisation's groups.


class SiteAdministratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_site_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GroupIndexView(wagtail_groups.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=assignable_groups(self.request.user))


class GroupCreateView(SiteAdministratorsOnlyMixin, wagtail_groups.CreateView):
    pass


class GroupEditView(SiteAdministratorsOnlyMixin, wagtail_groups.EditView):
    pass


class GroupDeleteView(SiteAdministratorsOnlyMixin, SiteWideGroupKept, wagtail_groups.DeleteView):
    pass


class GroupHistoryView(SiteAdministratorsOnlyMixin, wagtail_groups.GroupViewSet.history_view_class):
    pass


class GroupUsageView(SiteAdministratorsOnlyMixin, UsageView):
    pass


class GroupViewSet(wagtail_groups.GroupViewSet):
    index_view_class = GroupIndexView
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView
    history_view_class = GroupHistoryView
    usage_view_class = GroupUsageView


# Bulk actions on users: Wagtail checks the model permission only. wagtail_hooks.py registers
# these after Wagtail's (a later class with the same action_type replaces the earlier one).


class ScopedUserBulkActionMixin:
    def check_perm(self, obj):
        return super().check_perm(obj) and can_manage_user(self.request.user, obj)

    def get_actionable_objects(self):
        # Wagtail names every chosen user the requester may not act on: ids guessed in the
        # address would reveal the names of users outside the requester's organisation.
        objects, refused = super().get_actionable_objects()
        user = self.request.user
        in_scope = [u for u in refused["items_with_no_access"] if can_manage_user(user, u)]
        left_out = len(refused["items_with_no_access"]) - len(in_scope)
        if left_out and self.request.method == "GET":
            messages.warning(
                self.request,
                _("另有 %(count)d 个用户不在您的管理范围内，未列出。") % {"count": left_out},
            )
        return objects, {**refused, "items_with_no_access": in_scope}


ROLE_GROUP_NOT_ASSIGNABLE = _("只能选择本机构的角色组（列表中的一项）。")


class ScopedAssignRoleBulkAction(ScopedUserBulkActionMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields["role"]
        field.queryset = assignable_groups(self.request.user)
        # Wagtail's field has no label (it read "Role") and Django's generic refusal.
        field.label = _("角色组")
        field.error_messages["invalid_choice"] = ROLE_GROUP_NOT_ASSIGNABLE
        return form

    def prepare_action(self, objects, objects_without_access):
        # An organisation's role group takes only that organisation's users (membership.py).
        role = self.cleaned_form.cleaned_data["role"]
        refused = [
            user
            for user in objects
            if conflict(
                organisation_id_of_user(user),
                organisation_group_ids_of_user_id(user.pk) | {role.pk},
            )
        ]
        if refused:
            self.cleaned_form.add_error(
                "role",
                _("%(users)s不属于“%(role)s”所在的公开主体，不能加入这个角色组。")
                % {"users": "、".join(user.get_username() for user in refused), "role": role.name},
            )
            return self.form_invalid(self.cleaned_form)
        return super().prepare_action(objects, objects_without_access)


class ScopedDeleteBulkAction(ScopedUserBulkActionMixin, DeleteBulkAction):
    pass


class ScopedSetActiveStateBulkAction(ScopedUserBulkActionMixin, SetActiveStateBulkAction):
    pass


SCOPED_USER_BULK_ACTIONS = [
    ScopedAssignRoleBulkAction,
    ScopedDeleteBulkAction,
    ScopedSetActiveStateBulkAction,
]
