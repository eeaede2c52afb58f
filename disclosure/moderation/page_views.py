"""The site's page create and edit views: Wagtail's, keeping the typed text when the database is
busy (gongkai/page_views.py) and screening submissions for review (submission.py).

wagtail_hooks.py registers `ModeratedPageViewSet` in place of Wagtail's base page viewset, so
every page type without a viewset of its own is created and edited by these views.
"""

from gongkai.page_views import BusyAwareCreateView, BusyAwareEditView, BusyAwarePageViewSet

from .submission import SubmissionScreening


class ModeratedCreateView(SubmissionScreening, BusyAwareCreateView):
    def disclosure_scope(self):
        return self.parent_page  # the new page is not in the tree yet


class ModeratedEditView(SubmissionScreening, BusyAwareEditView):
    pass


class ModeratedPageViewSet(BusyAwarePageViewSet):
    add_view_class = ModeratedCreateView
    edit_view_class = ModeratedEditView
