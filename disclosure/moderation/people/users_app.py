"""Wagtail's users app with the user and group admin of user_admin.py (walls between
organisations). Listed in INSTALLED_APPS in place of "wagtail.users"."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    user_viewset = "disclosure.moderation.people.user_admin.UserViewSet"
    group_viewset = "disclosure.moderation.people.user_admin.GroupViewSet"
