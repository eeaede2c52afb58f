"""Submission for review is screened: a disclosure page is kept as a draft, not submitted, while
its text has an error-level sensitive word (sensitive.py) or it links an attachment whose text
the worker has not read yet; the editor is told why, and nothing typed is lost.

Wagtail's page create and edit views run the chosen action once the form is valid:
`submit_action`, and on the edit view `restart_workflow_action` (submitting again while a review
runs). `SubmissionScreening` extends those two: when the page may not be submitted, it runs the
view's own `save_action` instead (a new draft revision) after the reason, which is then the
only message: Wagtail's "saved" one beside it read as a submission that went through. The page
viewset (page_views.py) builds the site's create and edit views with it.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from disclosure.catalogue.roots import in_disclosure_tree
from search import extraction

from .sensitive import describe_hits, pending_attachments, scan


def submission_refusal(page):
    """Why `page`, with the text about to be submitted, may not be submitted yet; or None."""
    if pending := pending_attachments(page):
        for document in pending:
            extraction.queue(document)  # a lost task must not make the wait endless
        return _(
            "附件%(titles)s的文字正在提取，提取完成后才能提交审核（已保存为草稿），请稍后再提交。"
        ) % {"titles": "、".join(f"“{document.title}”" for document in pending)}
    blocking = [hit for hit in scan(page) if hit.blocks_submission]
    if blocking:
        return _("稿件含有禁止使用的敏感词，未能提交审核（已保存为草稿）：%(hits)s") % {
            "hits": describe_hits(blocking)
        }
    return None


class SubmissionScreening:
    """For Wagtail's page CreateView and EditView (after the form validated)."""

    def disclosure_scope(self):
        """The page whose place in the tree says whether the edited page is a disclosure page."""
        return self.page

    def submit_action(self):
        return self.kept_as_draft() or super().submit_action()

    def restart_workflow_action(self):
        return self.kept_as_draft() or super().restart_workflow_action()

    def kept_as_draft(self):
        """The response of saving a draft instead, when the page may not be submitted."""
        if not in_disclosure_tree(self.disclosure_scope()):
            return None
        reason = submission_refusal(self.form.instance)
        if reason is None:
            return None
        messages.error(self.request, reason)
        return without_save_confirmation(self.request, self.save_action)


def without_save_confirmation(request, save):
    """Runs the view's save, dropping the success message it adds ("页面已创建" / "已被更新"):
    beside the refusal it read as a submission that went through, and the refusal already says
    the draft was saved. Other notices of the save (a taken address) stay."""
    storage = messages.get_messages(request)
    before = len(storage._queued_messages)
    response = save()
    added = storage._queued_messages[before:]
    storage._queued_messages[before:] = [m for m in added if m.level != messages.SUCCESS]
    return response
