"""Staff in Wagtail's admin: the user and group admin behind the walls, the audit export."""
