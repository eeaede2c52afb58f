"""A save from the page editor that changes nothing creates no revision.

Wagtail decides whether the editor changed anything with Django's `form.has_changed()`, which a
StreamField with attachments (new block ids, rich text re-serialised) answers "yes" to on an
untouched form. Two things then left a revision identical to the live text behind a
publication, so the item showed 有未发布的修改 and its Art. 26 clock started again:

- 附意见通过并发布 posts the edit form with the workflow action: Wagtail saved the leader's
  "changes" as a revision before the approval published the run's (older) revision;
- Wagtail's autosave (w-autosave) posts the whole edit form whenever its change tracker fires,
  also in a tab loaded before the publication; the publication made no revision, so Wagtail's
  out-of-date check (the loaded revision is still the latest) let it through.

Here the posted fields and formsets are compared with what the editor opens (the latest revision,
or the live page when it has no unpublished changes: publication fills in the 索引号 and
发布日期 on the live page only), ignoring what the
public never sees (block ids, rich-text block keys): a workflow action saves no revision for an
unchanged form, and an autosave of an unchanged form saves nothing at all.
"""

from django.http import JsonResponse
from wagtail.models import Page

from ..revisions.content import fields_differ


class RevisionOnlyForChanges:
    """For Wagtail's page EditView."""

    def form_changes_content(self):
        if any(formset.has_changed() for formset in self.form.formsets.values()):
            return True
        # self.page is the form's instance, already carrying the posted values.
        stored = Page.objects.get(pk=self.page.pk).specific.get_latest_revision_as_object()
        return fields_differ(self.form.instance, stored)

    def perform_workflow_action(self):
        if self.has_content_changes and not self.form_changes_content():
            self.has_content_changes = False
        return super().perform_workflow_action()

    def save_action(self):
        if self.expects_json_response and not self.form_changes_content():
            return self.nothing_to_autosave()
        return super().save_action()

    def nothing_to_autosave(self):
        # No revision_id: the autosave controller keeps posting the revision it loaded, so its
        # next save with a change makes a revision of its own instead of overwriting the latest.
        return JsonResponse(
            {
                "success": True,
                "pk": self.page.pk,
                "field_updates": {},
                "comments": self.form.serialize_comments(self.request.user),
                "html": self.render_partials(),
            }
        )
