"""Translatable and synchronised fields declared once on an abstract base page.

wagtail-localize reads a model's `translatable_fields` attribute when it has one, and otherwise
derives the list from the field types. A plain list on the abstract base would hide every field
a subclass adds (an item type's body would silently never be translated), so the base declares
its own fields and `DeclaredTranslatableFields` adds the subclass's fields as wagtail-localize
would derive them.
"""

import threading

from wagtail_localize.fields import get_translatable_fields

_deriving = threading.local()


class DeclaredTranslatableFields:
    """Class attribute: `declared` first, then every other field as wagtail-localize derives it."""

    def __init__(self, *declared):
        self.declared = list(declared)

    def __get__(self, instance, owner):
        if getattr(_deriving, "active", False):
            # While deriving, look absent, so get_translatable_fields() falls back to the field
            # types (hasattr() treats AttributeError as "no such attribute").
            raise AttributeError("translatable_fields")
        _deriving.active = True
        try:
            derived = get_translatable_fields(owner)
        finally:
            _deriving.active = False
        names = {field.field_name for field in self.declared}
        return self.declared + [field for field in derived if field.field_name not in names]
