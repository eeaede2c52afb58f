"""Where the review workflow takes over Wagtail code (gongkai/patching.py, Override): checked
against Wagtail 8.0.1 and Django 5.2.19."""

from gongkai.patching import Override, Patch

EDIT = "wagtail.admin.views.pages.edit.EditView"
CREATE = "wagtail.admin.views.pages.create.CreateView"
JSON_VIEW = "wagtail.admin.views.generic.mixins.JsonPostResponseMixin"
TASK = "wagtail.models.workflows.Task"

OVERRIDES = {
    "disclosure.moderation.templatetags.moderation_tags.offered_bulk_action_choices": Override(
        replaces="Wagtail's bulk_action_choices tag in the listing footer "
        "(wagtailadmin/bulk_actions/footer.html): its buttons, less the page bulk actions the "
        "reader may not carry out in that listing",
        why="Wagtail offers every registered bulk action to every user and has no hook to "
        "leave one out; the tag's buttons are matched by their URL, and the fifth action "
        "onwards sits in a ButtonWithDropdown",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.admin.templatetags.wagtailadmin_tags.bulk_action_choices": (
                    "bd284e88008fcae9"
                ),
            },
        ),
    ),
    "disclosure.moderation.review.unchanged_saves.RevisionOnlyForChanges": Override(
        replaces="Wagtail's page EditView.perform_workflow_action and save_action when the form "
        "changes nothing, and the autosave's JSON answer",
        why="Wagtail's has_content_changes (set in form_valid from form.has_changed()) counts a "
        "StreamField's regenerated block ids as a change, so an untouched form made a draft",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{EDIT}.form_valid": "382f64dbb852b7fb",
                f"{EDIT}.perform_workflow_action": "919c182c1041dc57",
                f"{EDIT}.save_action": "b885708896b41c6c",
                f"{JSON_VIEW}.expects_json_response": "cf32e18220f68832",
                f"{JSON_VIEW}.render_partials": "47b4e26c4bca4062",
            },
        ),
    ),
    "disclosure.moderation.review.submission.SubmissionScreening": Override(
        replaces="Wagtail's page CreateView.submit_action and EditView.submit_action and "
        "restart_workflow_action: a page that may not be submitted runs save_action instead",
        why="Wagtail's workflow starts on any valid form; a task cannot refuse to start without "
        "losing the editor's text",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{CREATE}.submit_action": "9494fe9ff9396b6a",
                f"{CREATE}.save_action": "f8edadfb0d053129",
                f"{EDIT}.submit_action": "6c952cd43e31f4d2",
                f"{EDIT}.restart_workflow_action": "76300f445c38f360",
                f"{EDIT}.save_action": "b885708896b41c6c",
            },
        ),
    ),
    "disclosure.moderation.models.RoleApprovalTask": Override(
        replaces="Wagtail's Task.start, on_action, get_form_for_action and "
        "get_task_states_user_can_moderate",
        why="a step is reviewed by a role within the page's organisation, on the run's "
        "revision, never by its author: Wagtail's task knows none of these",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{TASK}.start": "4d57c94b09fccac1",
                f"{TASK}.on_action": "1b79deb9810fd7c9",
                f"{TASK}.get_form_for_action": "84b6708ee9f365db",
                f"{TASK}.get_task_states_user_can_moderate": "f912d420a6070df2",
            },
        ),
    ),
    "disclosure.moderation.publishing.public_api.PublicDocumentsAPIViewSet": Override(
        replaces="Wagtail's DocumentsAPIViewSet.get_queryset",
        why="the public API lists only the documents the public may read (public_documents), "
        "not every document",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.documents.api.v2.views.DocumentsAPIViewSet.get_queryset": "74ab14baab83450f"},
        ),
    ),
    "disclosure.moderation.people.user_admin.UserViewSet": Override(
        replaces="Wagtail's UserViewSet.get_form_class",
        why="the user forms are scoped to the editor's organisation",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.users.views.users.UserViewSet.get_form_class": "d062c83b6a9f7643"},
        ),
    ),
    "disclosure.moderation.wagtail_hooks.ForcePublishMenuItem": Override(
        replaces="Wagtail's ActionMenuItem.is_shown",
        why="shown on a disclosure page's edit view to those who may force its publication, not "
        "by Wagtail's publish permission",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.admin.action_menu.ActionMenuItem.is_shown": "ef1ad273b143fc02"},
        ),
    ),
    "disclosure.moderation.wagtail_hooks.RequestWithdrawalMenuItem": Override(
        replaces="Wagtail's ActionMenuItem.is_shown",
        why="shown on a page's edit view to those who may ask for its withdrawal, not by "
        "Wagtail's permissions",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.admin.action_menu.ActionMenuItem.is_shown": "ef1ad273b143fc02"},
        ),
    ),
    "disclosure.moderation.people.user_admin.OrganisationScopedUserForm": Override(
        replaces="Django's private BaseModelForm._save_m2m (extended: after Django's)",
        why="the groups an editor may not see are kept, and a site administrator's "
        "organisation role is granted, where the user's groups are written",
        checked=Patch(
            "django", "5.2.19", {"django.forms.models.BaseModelForm._save_m2m": "a0e40c1c669c6b36"}
        ),
    ),
    "disclosure.moderation.files.attachment_bulk_actions._SavesEachObject": Override(
        replaces="Wagtail's document and image AddToCollectionBulkAction.execute_action",
        why="Wagtail moves the files with one QuerySet.update(), which sends no save signal: the "
        "model guard of the attachment lock (attachment_lock.py) must see each moved file",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.documents.views.bulk_actions.add_to_collection.AddToCollectionBulkAction"
                ".execute_action": "526feac60b8cef83",
                "wagtail.images.views.bulk_actions.add_to_collection.AddToCollectionBulkAction"
                ".execute_action": "ef1c3839435656ed",
            },
        ),
    ),
    "disclosure.moderation.publishing.page_privacy.ReasonedSetPrivacyView": Override(
        replaces="Wagtail's SetPrivacyView.get_form_kwargs and form_valid (extended: both call "
        "Wagtail's), with a form adding a reason field (ReasonedViewRestrictionForm)",
        why="lifting or loosening a view restriction is a disclosure decision: an organisation's "
        "管理员 gives a written reason, which the model guard (view_restrictions.py) logs; "
        "form_valid runs Wagtail's delete or save inside lifting_with_reason",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.admin.views.page_privacy.SetPrivacyView.dispatch": "6d3836c336f75c5e",
                "wagtail.admin.views.page_privacy.SetPrivacyView.get_form_kwargs": (
                    "a604b381b0078d52"
                ),
                "wagtail.admin.views.page_privacy.SetPrivacyView.form_valid": "03bea83d8941c3d4",
                "wagtail.admin.forms.pages.PageViewRestrictionForm.__init__": "92e0c594ac9e4a06",
            },
        ),
    ),
}

_LOG_FORMATTER = Patch(
    "wagtail",
    "8.0.1",
    {
        "wagtail.log_actions.LogFormatter.format_message": "bcb673138553d336",
        "wagtail.log_actions.LogFormatter.format_comment": "72acf35f825235bb",
    },
)
OVERRIDES.update(
    {
        f"disclosure.moderation.review.history_words.{name}": Override(
            replaces=f"Wagtail's formatter of {action} in the page history (LogFormatter's "
            "format_message and format_comment: its documented way to word a log action)",
            why="Wagtail words a send-back as changes requested and a resubmission as resumed at "
            "the step that sent it back; the run restarts at its first unapproved step and the "
            "screens say 退回修改 / 重新送审",
            checked=_LOG_FORMATTER,
        )
        for name, action in [
            ("SentBack", "wagtail.workflow.reject"),
            ("Resubmitted", "wagtail.workflow.resume"),
        ]
    }
)

_KEPT = Patch(
    "wagtail",
    "8.0.1",
    {
        "wagtail.admin.views.generic.mixins.BeforeAfterHookMixin.run_before_hook": (
            "ecbcc65789d66584"
        ),
        "wagtail.admin.views.generic.mixins.BeforeAfterHookMixin.dispatch": "1f8ac389b3346032",
        "wagtail.admin.views.generic.models.DeleteView.get_success_url": "cbf16e787b953b63",
        "wagtail.admin.views.workflows.Disable.delete_action": "861864388f5111c9",
    },
)
OVERRIDES.update(
    {
        f"disclosure.moderation.organisations.kept_site_wide_objects.{name}": Override(
            replaces=f"Wagtail's {view}: its run_before_hook (the generic DeleteView's extension "
            "point, an empty method) answers with a refusal for a kept object",
            why="the site-wide groups and the default workflow are found by key and must stay; "
            "Wagtail deletes a group (disables a workflow) for anyone with the permission",
            checked=_KEPT,
        )
        for name, view in [
            ("RefusedWhileKept", "generic DeleteView"),
            ("SiteWideGroupKept", "group DeleteView"),
            ("DefaultWorkflowDisable", "workflow Disable view"),
        ]
    }
)
