"""主题分类 in the admin: the listing and the page editor's chooser search the domains.

A township keeps dozens of domains (the demo three pages of ten), and the chooser had no search.
Domains are not put in the search index: the ORM's `icontains` finds any part of a Chinese name
(“教育” in “教育文化”), where a full-text backend matches whole tokens only, and a few dozen
rows need no index.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Domain

SEARCH_FIELDS = ["name", "description"]


class DomainSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("搜索主题分类"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("输入名称或说明中的字词")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            matches = Q()
            for field in SEARCH_FIELDS:
                matches |= Q(**{f"{field}__icontains": query})
            objects = objects.filter(matches)
            self.is_searching = True
            self.search_query = query
        return objects


class DomainChooseView(ChooseView):
    filter_form_class = DomainSearchForm


class DomainChooseResultsView(ChooseResultsView):
    filter_form_class = DomainSearchForm


class DomainChooserViewSet(SnippetChooserViewSet):
    choose_view_class = DomainChooseView
    choose_results_view_class = DomainChooseResultsView


class DomainViewSet(SnippetViewSet):
    model = Domain
    list_display = ["name", "sort_order", "description"]
    search_fields = SEARCH_FIELDS
    search_backend_name = None  # the ORM, as in the chooser
    chooser_viewset_class = DomainChooserViewSet
