"""Wagtail's read-only API v2 at /api/v2/."""

from django.utils.translation import gettext as _
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from disclosure.moderation.api import PublicDocumentsAPIViewSet
from gongkai.params import bounded_int

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


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination


class PublicDocumentsAPI(PublicDocumentsAPIViewSet):
    pagination_class = BoundedPagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPI)
