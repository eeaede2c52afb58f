"""The page listing (Wagtail's explorer) tells abandoned drafts apart.

An editor who starts an item and leaves it has left a draft: Wagtail 8's autosave created the
page. Two such attempts share a title and a type and read alike in the listing. The column
`submission` says of a page not live that was never submitted for review “从未送审”, with when
and by whom it was last saved: the editor sees which attempt is whose and which may go. Nothing
is deleted for them; deleting stays the editor's own act (docs/moderation.md)."""

from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.models import WorkflowState, get_default_page_content_type


def ever_submitted():
    """Whether a review ever ran on the page (running, sent back, finished or cancelled)."""
    return Exists(
        WorkflowState.objects.filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


def last_saved_by():
    """The name of who saved the latest revision: 姓名 as Chinese writes it, else the
    username."""
    user = "latest_revision__user__"
    return Coalesce(
        NullIf(
            Concat(f"{user}last_name", f"{user}first_name", output_field=CharField()), Value("")
        ),
        f"{user}username",
    )


class SubmissionColumn(Column):
    cell_template_name = "moderation/listing/submission_cell.html"


class SubmissionListingView(ExplorableIndexView):
    base_columns = [
        *ExplorableIndexView.base_columns,
        SubmissionColumn("submission", label=_("送审情况"), width="16%"),
    ]

    def annotate_queryset(self, pages):
        return (
            super()
            .annotate_queryset(pages)
            .annotate(ever_submitted=ever_submitted(), last_saved_by=last_saved_by())
        )
