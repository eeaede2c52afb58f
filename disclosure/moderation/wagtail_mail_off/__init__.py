"""The app that switches Wagtail's own workflow mails off (apps.py)."""
