"""Wagtail's read-only API v2 at /api/v2/: live pages, and only the documents the public may
download (attachments.py)."""

import datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from gongkai.params import bounded_int, object_id

from ..files.attachments import public_documents

# Wagtail checks only the sign of offset: a larger one reached the database, which cannot hold
# it in LIMIT/OFFSET (a 500). No listing comes near this many rows.
MAX_OFFSET = 10**9


class BoundedPagination(WagtailPagination):
    """Wagtail's offset/limit pagination, refusing (400) values out of range before any query."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset")
        if offset is not None and bounded_int(offset, 0, MAX_OFFSET) is None:
            raise BadRequestError(_("offset 必须是 0 到 %(max)d 之间的整数") % {"max": MAX_OFFSET})
        return super().paginate_queryset(queryset, request, view)


SEARCH_OPERATORS = {"", "and", "or"}


def check_field_value(model, name, value):
    """Refuse (400) a field filter value the field cannot hold.

    Wagtail converts only booleans, integers and foreign keys itself; a date such as 9999-99-99
    or 0000-01-01 reached the ORM and raised ValidationError or OverflowError there (a 500)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    if field.many_to_one:
        # Wagtail converts with int() only; a larger id reached SQLite (OverflowError).
        if object_id(value) is None:
            raise BadRequestError(
                _("%(name)s 必须是对象的编号：%(value)s") % {"name": name, "value": value[:50]}
            )
        return
    if field.is_relation or isinstance(field, models.BooleanField):
        return  # Wagtail's own conversion answers 400 for these
    try:
        python_value = field.to_python(value)
    except (ValidationError, ValueError, TypeError, OverflowError) as error:
        raise BadRequestError(
            _("%(name)s 的值无效：%(value)s") % {"name": name, "value": value[:50]}
        ) from error
    # Dates at the ends of the calendar overflow when moved into the database's time zone.
    if isinstance(python_value, datetime.date) and not (
        datetime.MINYEAR < python_value.year < datetime.MAXYEAR
    ):
        raise BadRequestError(
            _("%(name)s 的日期超出范围：%(value)s") % {"name": name, "value": value[:50]}
        )


class CheckedFieldsFilter(FieldsFilter):
    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields and name != "locale":
                check_field_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        # Wagtail hands search_operator to the search backend, which raised ValueError (a 500).
        if request.GET.get("search_operator", "").lower() not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator 只能是 and 或 or"))
        return super().filter_queryset(request, queryset, view)


CHECKED = {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}


def with_checked_filters(backends):
    """Wagtail's filter backends, with the checked version of each that needs one (listings
    and detail views both run them)."""
    return [CHECKED.get(backend, backend) for backend in backends]


class CheckedFindMixin:
    def initial(self, request, *args, **kwargs):
        # PostgreSQL refuses NUL in text (a 500 wherever a parameter reaches a query: site,
        # locale, filters): no parameter may hold one.
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError(
                    _("%(name)s 的值无效：%(value)s")
                    % {
                        "name": name[:50].replace("\x00", ""),
                        "value": value[:50].replace("\x00", ""),
                    }
                )
        super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        # `find/?id=` went to queryset.get(id=…) as typed: a non-number was a ValueError (500).
        if "id" in request.GET and object_id(request.GET["id"]) is None:
            raise BadRequestError(_("id 必须是正整数"))
        return super().find_object(queryset, request)


class PublicPagesAPIViewSet(CheckedFindMixin, PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = with_checked_filters(PagesAPIViewSet.filter_backends)


class PublicDocumentsAPIViewSet(CheckedFindMixin, DocumentsAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = with_checked_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_documents().order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
