"""Wagtail search backends fed with Chinese-analysed text (see search.analysis)."""
