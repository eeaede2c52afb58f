"""Staff and what they may do: role permissions, the user and group admin, the audit export."""
