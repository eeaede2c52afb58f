"""Replaces `wagtail_localize.views.edit_translation.edit_translation`, the translation editor
wagtail-localize shows on a translated page's edit view, with a wrapper that, on a disclosure
page, submits the translation for review instead of publishing it.

What it replaces, on a disclosure page only (other pages and snippets keep wagtail-localize's
editor as it is):
- the editor's primary action (a POST with `action=publish`): wagtail-localize saves the
  translation and publishes it (`save_target(publish=True)`), which the review guard
  (publishing/publication.py) refuses, so the translator landed on a bare 没有权限 on the admin's
  home page. Here the translation is saved as a draft revision (`save_target(publish=False)`;
  a live translation's row is left as it is, gongkai/languages/patches/live_translation_drafts.py)
  and submitted to the page's workflow as Wagtail's edit view submits a page: a run sent back
  for changes is resumed, otherwise `page.get_workflow().start(page, user)`. The submission is
  screened like any other (review/submission.py: sensitive words, attachments being read).
  A user who may not submit (`can_submit_for_moderation()`: the page is locked, has no
  workflow or is in review already) is told why, on the editor;
- who is offered that action: the React editor shows it when its props say
  `perms.canPublish`, which wagtail-localize reads from `page_perms.can_publish()`; an editor,
  who may not publish, saw no button at all. Here the editor reads `can_publish()` as
  `can_submit_for_moderation()`;
- who is offered 取消发布 and 删除 (`perms.canUnpublish`, `perms.canDelete`, from
  `page_perms.can_unpublish()` and `can_delete()`): only those for whom they work, i.e. never on
  a page with published content, which is taken down through a 撤稿申请
  (guards.takedown_refusal), as in the page listing (unpublish_button.py); there the link is
  申请撤稿, to the withdrawal request's form, for whoever may ask for one (the page editor's
  header offers it too), so a translator is not left without a way to take a page down;
- 转换成页面别名 (`links.convertToAliasUrl`): not offered where the conversion is refused
  (guards.alias_conversion_refusal); the template removes the link from the editor's props;
- a submission with strings left untranslated is made, with a warning naming it, as
  wagtail-localize warns on publishing;
- the action's label: the editor's template is extended
  (templates/wagtail_localize/admin/edit_translation.html) to translate the React editor's
  "Publish in " and "Publishing..." as 提交审核 where `page_perms.submits_for_review` says so.

How: for the call, the page's `permissions_for_user` answers with `ReviewPermissions`, the
page's own permission tester with those two answers changed (the template's `page_perms` is
that object too); the POST of the action is answered before wagtail-localize's view is called.
Nothing of wagtail-localize's view is copied; its other POSTs, its GET and its props are its own.

Checked against wagtail-localize 1.14.5: `edit_translation(request, translation, instance)` is
called through its module's name by the `before_edit_page` hook; for a page it reads
`instance.permissions_for_user(request.user)` once, takes `canPublish`, `canUnpublish`, ... from
it, passes it to the template as `page_perms`, and on `POST action=publish` checks
`can_publish()`, calls `save_target(user=request.user, publish=True)` and redirects to
`request.path`. The React editor (static/wagtail_localize/js/wagtail-localize.js) shows the
publish button when `perms.canPublish`, labelled `gettext("Publish in ") + locale name`, and
the unpublish link when `perms.canUnpublish` (gongkai/languages/tests checks the bundle still
does). Wagtail 8.0.1's EditView.submit_action resumes a run that needs changes or starts the
page's workflow.
"""

import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from disclosure.catalogue.roots import in_disclosure_tree
from gongkai.patching import Patch

from ..publishing.guards import alias_conversion_refusal, takedown_refusal
from ..publishing.withdrawal import withdrawal_open_to
from ..review.submission import submission_refusal

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.views.edit_translation.edit_translation": "a6457c5b67a42e94",
        "wagtail_localize.wagtail_hooks.before_edit_page": "feb0d13b45e7d740",
        "wagtail_localize.models.Translation.save_target": "fa37284ab510a0a3",
        # Wagtail's, not wagtail-localize's: the submission done as its edit view does it.
        "wagtail.admin.views.pages.edit.EditView.submit_action": "6c952cd43e31f4d2",
        "wagtail.models.pages.PagePermissionTester.can_submit_for_moderation": ("ec7df5de7258abbd"),
    },
)

SUBMITTED = _("已提交审核：译文“%(title)s”须经审核后发布。")
# Why a user may not submit the page (can_submit_for_moderation), most specific first.
IN_REVIEW = _("译文未提交：该页面正在审核中，待本轮审核结束后再提交。已填写的译文均已保存。")
LOCKED = _("译文未提交：该页面已被锁定，解锁后才能提交审核。已填写的译文均已保存。")
NO_WORKFLOW = _("译文未提交：该页面没有审核流程，无法提交审核，请联系管理员。")
UNTRANSLATED = _("注意：译文尚有未翻译的内容（见下方标记），提交审核的版本中这些内容仍为原文。")
NOT_SAVED = _("译文未提交：保存译文时发现错误（%(errors)s），请修改后再提交。")


class ReviewPermissions:
    """A page's permission tester as the translation editor reads it on a disclosure page:
    publishing is submitting for review, unpublishing is offered only where it works."""

    submits_for_review = True  # read by the editor's template: the action's label

    def __init__(self, tester):
        self._tester = tester
        # Read by the editor's template: whether to keep 转换成页面别名 in the editor.
        self.offers_alias_conversion = alias_conversion_refusal(tester.page) is None
        # Read by the editor's template: where its 取消发布 link leads instead, on a page taken
        # down only through a 撤稿申请 that this user may ask for; None where none is offered.
        # Only beside the editor's 提交审核: the React editor makes its first action the main
        # button, and a translator who had just submitted found 申请撤稿 there.
        self.withdrawal_url = (
            reverse("moderation:request_withdrawal", args=[tester.page.pk])
            if withdrawal_open_to(tester) and self.can_publish()
            else None
        )

    def __getattr__(self, name):
        return getattr(self._tester, name)

    def can_publish(self):
        return self._tester.can_submit_for_moderation()

    def can_unpublish(self):
        return self._tester.can_unpublish() and takedown_refusal(self._tester.page) is None

    def can_delete(self):
        return self._tester.can_delete() and takedown_refusal(self._tester.page) is None


def why_not_submitted(page, user):
    # Someone's lock first: a review sent back for changes is resumed once it is lifted. (A
    # running review locks the page too, for whoever may not act on its step.)
    if page.locked and page.locked_by_id != user.pk:
        return LOCKED
    if page.current_workflow_state is not None:
        return IN_REVIEW
    if page.permissions_for_user(user).page_locked():
        return LOCKED
    return NO_WORKFLOW


def has_untranslated_strings(translation):
    return (
        translation.source.stringsegment_set.annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .exists()
    )


def submit_for_review(request, translation, page):
    """Save the translation as a draft revision and submit it to the page's workflow."""
    user = request.user
    if not page.permissions_for_user(user).can_submit_for_moderation():
        messages.error(request, why_not_submitted(page, user))
        return redirect(request.path)
    try:
        translation.save_target(user=user, publish=False)
    except ValidationError as error:
        messages.error(request, NOT_SAVED % {"errors": "；".join(error.messages)})
        return redirect(request.path)
    page = Page.objects.get(pk=page.pk).specific
    if reason := submission_refusal(page.get_latest_revision_as_object()):
        messages.error(request, reason)
        return redirect(request.path)
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    else:
        page.get_workflow().start(page, user)
    messages.success(request, SUBMITTED % {"title": page.get_admin_display_title()})
    if has_untranslated_strings(translation):
        messages.warning(request, UNTRANSLATED)
    return redirect(request.path)


def submitting_for_review(localize_edit_translation):
    @functools.wraps(localize_edit_translation)
    def edit_translation(request, translation, instance):
        if not isinstance(instance, Page) or not in_disclosure_tree(instance):
            return localize_edit_translation(request, translation, instance)
        if request.method == "POST" and request.POST.get("action") == "publish":
            return submit_for_review(request, translation, instance)
        permissions_for_user = instance.permissions_for_user
        instance.permissions_for_user = lambda user: ReviewPermissions(permissions_for_user(user))
        try:
            return localize_edit_translation(request, translation, instance)
        finally:
            del instance.permissions_for_user

    return edit_translation


def apply():
    from wagtail_localize.views import edit_translation

    edit_translation.edit_translation = submitting_for_review(edit_translation.edit_translation)
