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
    "disclosure.moderation.review.action_messages.ConfirmedWorkflowActionView": Override(
        replaces="Wagtail's WorkflowAction.post (the page workflow action view the dashboard's "
        "待我审核 buttons post to), adding the message of what the action did",
        why="Wagtail's view acts and answers with the address to go back to, telling the "
        "reviewer nothing; no hook follows a workflow action with its request",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.admin.views.generic.workflow.WorkflowAction.post": "f6325617b33570dc"},
        ),
    ),
    "disclosure.moderation.review.page_listing.SubmissionListingView": Override(
        replaces="Wagtail's page listing's annotate_queryset, adding whether a review ever ran "
        "on each page and who saved its latest revision, for the 送审情况 column",
        why="two abandoned drafts of one title read alike in the listing; a column reads its "
        "rows' values, and annotating them keeps the listing's queries independent of its rows",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.admin.views.pages.listing.PageListingMixin.annotate_queryset": (
                    "048b3d4fcf755e01"
                ),
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
    "disclosure.moderation.review.dashboard.AwaitingMyReviewPanel": Override(
        replaces="Wagtail's WorkflowObjectsToModeratePanel.get_context_data: the same rows "
        "(page, revision, previous revision, live revision, task state, actions, URL names), "
        "without the workflow's task list our template does not show",
        why="Wagtail asks each row's step, actions (may_act again) and task list one query "
        "at a time: 待我审核 reads its rows in a fixed number of queries, cut at the "
        "organisation, with the working days each has waited",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.admin.views.home.WorkflowObjectsToModeratePanel.get_context_data": (
                    "2ed306463d3dfa54"
                ),
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

# The admin views walled between organisations at Wagtail's own addresses
# (organisations/admin_page_walls.py, placed before Wagtail's admin URLs in gongkai/urls.py):
# each shadows the view Wagtail's URL module routes there.
_WALLS = "disclosure.moderation.organisations.admin_page_walls"
_CHOOSER = "wagtail.admin.views.chooser"
_BULK = "wagtail.admin.views.bulk_action"
_ADMIN_URLS = {"wagtail.admin.urls": "6d6bc71cd43ea505"}
OVERRIDES.update(
    {
        f"{_WALLS}._LiveTitles": Override(
            replaces="the title columns of Wagtail's page chooser (BrowseView.columns, "
            "SearchView.columns): PageTitleColumn and ParentPageColumn built again as ours, "
            "with the same name and label, naming another organisation's page by its live title",
            why="Wagtail's chooser names each page by its latest draft's title, an unreviewed "
            "text of another organisation; its columns are built inside the views' columns "
            "property, with no hook",
            checked=Patch(
                "wagtail",
                "8.0.1",
                {
                    f"{_CHOOSER}.BrowseView.columns": "fde86e5be2bf932e",
                    f"{_CHOOSER}.SearchView.columns": "fa9eff62f66cff54",
                    f"{_CHOOSER}.PageTitleColumn.__init__": "bfc21ee190894784",
                    f"{_CHOOSER}.PageTitleColumn.get_cell_context_data": "6d1cd4d046f42160",
                    f"{_CHOOSER}.ParentPageColumn.get_value": "d376e69f3ffeaf42",
                    f"{_CHOOSER}.ParentPageColumn.get_cell_context_data": "40c28d27081a178c",
                },
            ),
        ),
        f"{_WALLS}.browse": Override(
            replaces="Wagtail's page chooser browse view at its addresses "
            "(wagtailadmin_choose_page "
            "and wagtailadmin_choose_page_child), and its search view (_SearchView) at "
            "wagtailadmin_choose_page_search",
            why="Wagtail's chooser browses into any page by id and lists every page; the walls "
            "refuse another organisation's page that is not live and name the rest by their "
            "live titles",
            checked=Patch(
                "wagtail",
                "8.0.1",
                {
                    **_ADMIN_URLS,
                    f"{_CHOOSER}.BrowseView.get": "52d02931a60fcbe7",
                    f"{_CHOOSER}.SearchView.get": "9a9121d0055552d0",
                },
            ),
        ),
        f"{_WALLS}.chosen_multiple": Override(
            replaces="Wagtail's ChosenMultipleView at wagtailadmin_choose_page_chosen_multiple, "
            "and the adminTitle of each page it answers with (render_chosen_response)",
            why="Wagtail answers with the draft title of any page id asked for",
            checked=Patch(
                "wagtail",
                "8.0.1",
                {
                    **_ADMIN_URLS,
                    f"{_CHOOSER}.ChosenMultipleView.get": "5636893bae1418f3",
                    f"{_CHOOSER}.ChosenMultipleView.render_chosen_response": "c9c19b22b65a3deb",
                },
            ),
        ),
        f"{_WALLS}.bulk_action": Override(
            replaces="Wagtail's bulk-action dispatcher at wagtail_bulk_action, for page models: "
            "request.GET is rewritten to carry only the ids of pages outside other "
            'organisations ("all" resolved through the action\'s listing query) before '
            "Wagtail's dispatcher runs",
            why="Wagtail's bulk actions read their objects from request.GET's id and childOf "
            "(BulkAction.get_actionable_objects) and list every page named; no hook narrows "
            "them. The confirmation form posts back to the request's own query string "
            "(get_context_data's submit_url), so the execution is filtered again",
            checked=Patch(
                "wagtail",
                "8.0.1",
                {
                    **_ADMIN_URLS,
                    f"{_BULK}.dispatcher.index": "fed0b7ddeb47bca6",
                    f"{_BULK}.base_bulk_action.BulkAction.get_actionable_objects": (
                        "e9b03108b7762f2a"
                    ),
                    f"{_BULK}.base_bulk_action.BulkAction.get_context_data": "740f2c25d45f367d",
                    f"{_BULK}.base_bulk_action.BulkAction.get_all_objects_in_listing_query": (
                        "c6383b6f861729ef"
                    ),
                },
            ),
        ),
        f"{_WALLS}.SiteAdministratorsPageTypesUsageReportView": Override(
            replaces="Wagtail's page-types-usage report at its addresses, for site "
            "administrators only",
            why="the report names the last-edited page of each type across every organisation",
            checked=Patch("wagtail", "8.0.1", {"wagtail.admin.urls.reports": "ab847a34eb5ed48d"}),
        ),
        f"{_WALLS}.OrganisationTranslationsReportView": Override(
            replaces="wagtail-localize's translations report at its addresses "
            "(TranslationsReportView.get_queryset narrowed to the user's organisation)",
            why="the report names every organisation's translated pages",
            checked=Patch(
                "wagtail-localize",
                "1.14.5",
                {
                    "wagtail_localize.wagtail_hooks": "474cfade472aa23b",
                    "wagtail_localize.views.report.TranslationsReportView.get_queryset": (
                        "9fedb606e138e38b"
                    ),
                },
            ),
        ),
        "disclosure.moderation.review.dashboard.name_the_summary": Override(
            replaces="the get_context_data of the dashboard's summary items (pages, documents, "
            "images), wrapped on each instance to put the organisation's name in site_name",
            why="Wagtail's summary items read out the site's name for everyone; the "
            "construct_homepage_summary_items hook hands over instances of Wagtail's and "
            "other apps' classes, so the name is set on the context each builds",
            checked=Patch(
                "wagtail",
                "8.0.1",
                {
                    "wagtail.admin.site_summary.PagesSummaryItem.get_context_data": (
                        "22986570433376a7"
                    ),
                    "wagtail.documents.wagtail_hooks.DocumentsSummaryItem.get_context_data": (
                        "9e7bbf90cd4b1e75"
                    ),
                    "wagtail.images.wagtail_hooks.ImagesSummaryItem.get_context_data": (
                        "3d86ba525e6933af"
                    ),
                },
            ),
        ),
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
