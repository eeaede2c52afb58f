"""Mail about review: who hears what, and Wagtail's own workflow mails switched off."""
