"""What counts as a column of an organisation's catalogue: the page types marked
``is_catalogue_column`` (CategoryPage here; apps above the catalogue mark theirs, such as the
annual reports' index), so that the 指南's list and search's 栏目 filter name every column
without the catalogue importing those apps."""

from django.apps import apps
from wagtail.models import Page


def column_types():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "is_catalogue_column", False)
    ]
