"""A catalogue column's listing: its items of every type, newest first, filtered from the URL.

The item types share no table (their base is abstract), so each type's filtered rows are
combined with one SQL UNION; counting and slicing that union costs two queries whatever the
number of types, and only the rows on the current page are then loaded.
"""

import re
import unicodedata

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from gongkai.params import YEARS, chosen_year, requested_page, year_in_range

from ..visibility import public
from .domains import Domain
from .items_base import DisclosureItemPage, Validity

PAGE_SIZE = 20
NOT_A_WORD = re.compile(r"[\W_]+")


# The former "现行有效" choice, the same items as 有效: addresses bookmarked with it still work.
FORMER_IN_FORCE = "current"


class ItemFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("年份"), required=False, coerce=int, empty_value=None)
    domain = forms.ModelChoiceField(
        label=_("主题分类"), queryset=Domain.objects.all(), required=False, empty_label=_("全部")
    )
    validity = forms.ChoiceField(
        label=_("有效性"),
        required=False,
        choices=[("", _("全部")), *Validity.choices],
    )
    keyword = forms.CharField(label=_("关键词"), required=False, max_length=50)

    def __init__(self, *args, years=(), validities=None, domains=None, **kwargs):
        # The labels sit above their controls: Django's ASCII ":" after a Chinese label is noise.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if self.data.get("validity") == FORMER_IN_FORCE:
            self.data = self.data.copy()
            self.data["validity"] = Validity.VALID
        # A year the column has nothing in (1900, or 3000, outside every year a filter can
        # find: `year_in_range`) stays chosen and lists nothing; it used to make the form
        # invalid, which dropped every filter and listed the whole column without a word.
        # Full-width digits (２０２３) name their year; anything else is ignored, the other
        # filters kept.
        typed = self.data.get("year")
        year = chosen_year(typed)
        if typed and str(year) != typed:
            self.data = self.data.copy()
            self.data["year"] = "" if year is None else str(year)
        if year is not None and year not in years:
            years = sorted([*years, year], reverse=True)
        self.fields["year"].choices = [("", _("全部")), *((y, y) for y in years)]
        # A filter where the column's items differ in it, offering what they hold: 预算决算, all
        # 有效 and all 财政预决算, offered neither (the 26 subjects found nothing but one). An
        # address that asks for a filter keeps it.
        if domains is not None:
            self.fields["domain"].queryset = Domain.objects.filter(pk__in=domains)
        for name, held in (("validity", validities), ("domain", domains)):
            if held is not None and len(held) < 2 and not self.data.get(name):
                del self.fields[name]


def item_models(category):
    """The item types the column holds. A column allows a dozen types and holds one or two:
    building and compiling the union over every allowed type (each with its visibility
    subquery) cost several times what running it did, so one query on the tree's index
    names the types present first."""
    present = set(
        Page.objects.child_of(category).values_list("content_type_id", flat=True).distinct()
    )
    return [
        model
        for model in category.specific_class.allowed_subpage_models()
        if issubclass(model, DisclosureItemPage)
        and ContentType.objects.get_for_model(model).pk in present
    ]


def item_querysets(category, models, filters=None):
    filters = filters or {}
    for model in models:
        queryset = public(model.objects.child_of(category)).order_by()
        if filters.get("year") is not None:
            if not year_in_range(filters["year"]):
                # No date lookup for year 99999 (no date has it) nor a number that large
                # for the database: nothing is in such a year.
                queryset = queryset.none()
            else:
                queryset = queryset.filter(published_on__year=filters["year"])
        if filters.get("domain"):
            queryset = queryset.filter(domain=filters["domain"])
        if filters.get("validity"):
            queryset = queryset.filter(validity=filters["validity"])
        for word in keyword_words(filters.get("keyword", "")):
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(keywords__icontains=word)
                | Q(summary__icontains=word)
                | Q(doc_number__icontains=word)
                | Q(index_number__icontains=word)
            )
        yield queryset


def keyword_words(keyword):
    """The words of a column's keyword filter, each of which an item must hold: the runs of
    letters and digits, as the site search reads them. Citizens type 友政规[2023]1号 or
    (2023) for the 〔2023〕 of a 文号, and 2023-00001 for the end of an 索引号; a filter that
    took the text whole found none of them."""
    return [word for word in NOT_A_WORD.split(unicodedata.normalize("NFKC", keyword)) if word]


def union(querysets, *fields):
    querysets = [qs.values_list(*fields) for qs in querysets]
    if not querysets:
        return None
    first, *rest = querysets
    return first.union(*rest, all=True) if rest else first


def filter_choices(category, models):
    """The years the column's items were published in, newest first, the validities and the
    subjects (主题分类 ids) they have: what its filters can offer, read in one query."""
    combined = union(item_querysets(category, models), "published_on", "validity", "domain_id")
    rows = list(combined) if combined is not None else []
    years = sorted({day.year for day, _validity, _domain in rows if day}, reverse=True)
    validities = {validity for _day, validity, _domain in rows}
    return years, validities, {domain for _day, _validity, domain in rows if domain}


def items_by_id(rows):
    """The items of (pk, published_on, content type) rows with their domains, one query per
    item type on the page (no query for the base rows, none for the domains)."""
    ids_by_type = {}
    for pk, _published_on, content_type_id in rows:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    by_id = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        by_id.update(model.objects.filter(pk__in=ids).select_related("domain").in_bulk())
    return by_id


def attach_domains(pages):
    """Load the domains of a page of items in one query instead of one per item."""
    domains = Domain.objects.in_bulk({page.domain_id for page in pages if page.domain_id})
    for page in pages:
        if page.domain_id:
            page.domain = domains[page.domain_id]


def item_listing(category, request):
    models = item_models(category)
    years, validities, domains = filter_choices(category, models)
    form = ItemFilterForm(request.GET or None, years=years, validities=validities, domains=domains)
    filters = form.cleaned_data if form.is_valid() else {}
    combined = union(
        item_querysets(category, models, filters), "pk", "published_on", "content_type_id"
    )
    rows = combined.order_by("-published_on", "-pk") if combined is not None else []
    paginator = Paginator(rows, PAGE_SIZE)
    listing_page = requested_page(paginator, request.GET.get("page"))
    ids = [row[0] for row in listing_page.object_list]
    by_id = items_by_id(listing_page.object_list)
    items = [by_id[pk] for pk in ids if pk in by_id]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "items": items,
        # 文号 is a column of its own where the documents have one (规范性文件, 政策文件).
        "shows_doc_number": any(item.doc_number for item in items),
        "listing_page": listing_page,
        "filter_query": query.urlencode(),
        "filters_active": any(value not in (None, "") for value in filters.values()),
        "year_out_of_range": filters.get("year") is not None and not year_in_range(filters["year"]),
        "year_chosen": filters.get("year"),
        "year_range": YEARS,
    }
