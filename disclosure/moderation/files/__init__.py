"""Attachments as content: public through a published page, locked while a live page uses them."""
