"""Fixtures for import tests: an organisation's tree with a column to import into, the
catalogue's own (disclosure/catalogue/tests/fixtures.py)."""

from disclosure.catalogue.tests.fixtures import category, disclosure_root, organisation

__all__ = ["category", "disclosure_root", "organisation"]
