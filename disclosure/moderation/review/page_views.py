"""The site's page create and edit views: Wagtail's, keeping the typed text when the database is
busy (gongkai/page_views.py), screening submissions for review (submission.py) and saving no
revision for an unchanged form (unchanged_saves.py) and telling the reviewer what a workflow
action did, in the editor and from the dashboard's list (action_messages.py); and its privacy
dialog, asking a reason to lift a view restriction (page_privacy.py); its page search retried
as the public search is (search/admin_page_search.py); its listing says which drafts were never
submitted (page_listing.py).

wagtail_hooks.py registers `ModeratedPageViewSet` in place of Wagtail's base page viewset, so
every page type without a viewset of its own is created and edited by these views.
"""

from gongkai.page_views import BusyAwareCreateView, BusyAwareEditView, BusyAwarePageViewSet
from search.admin_page_search import RetryingPageSearchView

from ..publishing.page_privacy import ReasonedSetPrivacyView
from .action_messages import ConfirmedWorkflowActionView, WorkflowActionMessages
from .page_listing import SubmissionListingView
from .submission import SubmissionScreening
from .unchanged_saves import RevisionOnlyForChanges


class ModeratedCreateView(SubmissionScreening, BusyAwareCreateView):
    def disclosure_scope(self):
        return self.parent_page  # the new page is not in the tree yet


class ModeratedEditView(
    WorkflowActionMessages, SubmissionScreening, RevisionOnlyForChanges, BusyAwareEditView
):
    pass


class ModeratedPageViewSet(BusyAwarePageViewSet):
    add_view_class = ModeratedCreateView
    edit_view_class = ModeratedEditView
    set_privacy_view_class = ReasonedSetPrivacyView
    workflow_action_view_class = ConfirmedWorkflowActionView
    search_view_class = RetryingPageSearchView
    index_view_class = SubmissionListingView
