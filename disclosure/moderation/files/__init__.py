"""Attachments as content: public through a published page, locked while a live page uses them,
listed by Wagtail's admin API only inside the requester's walls."""
