from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "disclosure.moderation"
    label = "moderation"
    verbose_name = "审核与发布"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_save,
            pre_delete,
            pre_save,
        )
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction
        from wagtail.signals import (
            task_approved,
            task_submitted,
            workflow_approved,
            workflow_cancelled,
            workflow_rejected,
        )

        from disclosure.catalogue.models import DisclosureIndexPage, Organisation, StaffOrganisation

        from . import checks, signals  # noqa: F401  (checks registers the system checks)
        from .files.renditions import forget_rendition
        from .publishing.publication import check_publication

        # Receivers of one signal run in the order they are connected: the order signals.py
        # declared them in when it connected them itself.
        post_save.connect(
            signals.set_up_new_disclosure_root,
            sender=DisclosureIndexPage,
            dispatch_uid="moderation-set-up-new-disclosure-root",
        )
        post_save.connect(
            signals.rename_the_organisations_collection,
            sender=Organisation,
            dispatch_uid="moderation-rename-the-organisations-collection",
        )
        task_submitted.connect(signals.tell_the_step, dispatch_uid="moderation-tell-the-step")
        task_approved.connect(
            signals.tell_the_author_of_the_approval,
            dispatch_uid="moderation-tell-the-author-of-the-approval",
        )
        workflow_rejected.connect(
            signals.tell_the_author_it_was_sent_back,
            dispatch_uid="moderation-tell-the-author-it-was-sent-back",
        )
        workflow_cancelled.connect(
            signals.record_a_cancellation_by_another,
            dispatch_uid="moderation-record-a-cancellation-by-another",
        )
        workflow_approved.connect(
            signals.tell_the_author_it_passed, dispatch_uid="moderation-tell-the-author-it-passed"
        )
        # Every model's saves: the check itself returns at once for anything but pages and
        # revisions.
        pre_save.connect(check_publication, dispatch_uid="moderation.check_publication")
        m2m_changed.connect(
            signals.record_organisation_on_joining_its_groups,
            sender=get_user_model().groups.through,
            dispatch_uid="moderation-record-organisation-on-joining-its-groups",
        )
        pre_save.connect(
            signals.refuse_an_organisation_other_than_the_role_groups,
            sender=StaffOrganisation,
            dispatch_uid="moderation-refuse-an-organisation-other-than-the-role-groups",
        )
        pre_delete.connect(
            signals.refuse_leaving_an_organisation_while_in_its_role_groups,
            sender=StaffOrganisation,
            dispatch_uid="moderation-refuse-leaving-an-organisation-while-in-its-role-groups",
        )
        for attachment_model in (get_document_model(), get_image_model()):
            label = attachment_model._meta.label_lower
            pre_save.connect(
                signals.refuse_attachment_save,
                sender=attachment_model,
                dispatch_uid=f"moderation-attachment-lock-save-{label}",
            )
            pre_delete.connect(
                signals.refuse_attachment_delete,
                sender=attachment_model,
                dispatch_uid=f"moderation-attachment-lock-delete-{label}",
            )
        post_delete.connect(
            forget_rendition,
            sender=get_image_model().get_rendition_model(),
            dispatch_uid="moderation-forget-rendition",
        )
        m2m_changed.connect(
            signals.refuse_retagging_used_attachments,
            dispatch_uid="moderation-refuse-retagging-used-attachments",
        )
        pre_save.connect(
            signals.judge_a_changed_view_restriction,
            sender=PageViewRestriction,
            dispatch_uid="moderation-judge-a-changed-view-restriction",
        )
        pre_delete.connect(
            signals.judge_a_lifted_view_restriction,
            sender=PageViewRestriction,
            dispatch_uid="moderation-judge-a-lifted-view-restriction",
        )
        m2m_changed.connect(
            signals.judge_groups_admitted_by_a_view_restriction,
            sender=PageViewRestriction.groups.through,
            dispatch_uid="moderation-judge-groups-admitted-by-a-view-restriction",
        )
        from .patches import (
            page_deletion,
            run_revision_approvals,
            translation_locks,
            translation_review,
            unpublish_button,
            workflow_state_cancel,
        )

        run_revision_approvals.apply()
        page_deletion.apply()
        workflow_state_cancel.apply()
        unpublish_button.apply()
        # The translation editor submits a disclosure page's translation for review.
        translation_review.apply()
        # A lock stops every change wagtail-localize's views make to a translation.
        translation_locks.apply()
