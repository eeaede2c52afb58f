"""Wagtail's page create and edit views, keeping the typed text when the database is busy
(gongkai/busy.py).

The moderation app builds the site's page viewset on these
(disclosure/moderation/review/page_views.py) and registers it in place of Wagtail's own; a page
viewset registered later for one page type must use view classes built on these two as well
(gongkai/tests/test_busy.py enumerates them).
"""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from gongkai.busy import PageEditorKeepsTypedText
from gongkai.create_once import CreateOnce


class BusyAwareCreateView(PageEditorKeepsTypedText, CreateOnce, CreateView):
    """Also creates one page per create form, however often it is sent (create_once.py)."""


class BusyAwareEditView(PageEditorKeepsTypedText, EditView):
    pass


class BusyAwarePageViewSet(PageViewSet):
    """Wagtail's default page viewset with create and edit views that keep the typed text when
    the database is busy."""

    add_view_class = BusyAwareCreateView
    edit_view_class = BusyAwareEditView
