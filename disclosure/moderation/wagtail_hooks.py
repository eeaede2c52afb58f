from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from disclosure.catalogue.roots import in_disclosure_tree
from disclosure.catalogue.staff_roles import sees_every_organisation
from search.suggestions import FILTER_SEARCH_SUGGESTIONS

from . import admin_urls
from .files.admin_api_walls import wall_every_endpoint
from .files.attachment_bulk_actions import BULK_ACTIONS as ATTACHMENT_BULK_ACTIONS
from .files.attachments import may_download
from .models import SensitiveWord
from .organisations.admin_page_walls import limit_page_chooser
from .patches.admin_api_actions import use_guarded_pages_endpoint
from .people.user_admin import SCOPED_USER_BULK_ACTIONS
from .publishing import view_restrictions
from .publishing.deletion import with_row_answers
from .publishing.force_publish import may_force_publish
from .publishing.guards import (
    alias_conversion_refusal,
    alias_refusal,
    copy_refusal,
    publishing_refusal,
    takedown_refusal,
)
from .publishing.publication import FORCE_PUBLISH_ACTION
from .publishing.withdrawal import (
    WITHDRAWAL_APPROVED,
    WITHDRAWAL_REFUSED,
    WITHDRAWAL_REQUESTED,
    may_request_withdrawal,
)
from .review.dashboard import ListingPanel, arrange_dashboard, name_the_summary
from .review.deadlines import unpublished_items_near_deadline
from .review.finish import PUBLISH_APPROVED
from .review.history_words import register_history_words
from .review.page_views import ModeratedPageViewSet
from .review.sensitive import all_words, mentions_any
from .review.sent_back_notice import show_send_back_reason
from .review.two_roles import warn_of_two_review_roles
from .review.who_may_cancel import CANCELLED_BY_OTHER

# Replace Wagtail's user bulk actions (same action_type, registered later) with ones that act
# only on users inside the requester's walls.
for _action in SCOPED_USER_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=100)


# The page chooser (browse and search) lists other organisations' pages only when live.
hooks.register("construct_page_chooser_queryset", limit_page_chooser)
hooks.register("before_edit_page", show_send_back_reason)


@hooks.register("construct_explorer_page_queryset")
def answer_listing_rows(parent_page, pages, request):
    """The delete and 取消发布 offers of each row read their answers with the rows."""
    return with_row_answers(pages, request.user)


@hooks.register("construct_reports_menu")
def page_types_usage_for_site_administrators(request, menu_items):
    if not sees_every_organisation(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# The admin API's page actions go through the same guards as the admin views.
hooks.register("construct_admin_api", use_guarded_pages_endpoint)
# Then every endpoint of the admin API, whoever registered it, stops at the walls.
hooks.register("construct_admin_api", wall_every_endpoint, order=1000)


# Wagtail registers its own base page viewset with order -1; this one, registered after it,
# takes its place for Page and so for every page type without a viewset of its own.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return ModeratedPageViewSet()


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include(admin_urls, namespace="moderation"))]


# Registered after Wagtail's own (higher order): same action type, so these replace them.
for _bulk_action in ATTACHMENT_BULK_ACTIONS:
    hooks.register("register_bulk_action", _bulk_action, order=100)


@hooks.register("after_create_user")
@hooks.register("after_edit_user")
def warn_of_two_review_roles_of_the_user(request, user):
    warn_of_two_review_roles(request, [user])


@hooks.register("after_bulk_action")
def warn_of_two_review_roles_assigned(request, action_type, objects, action_class_instance):
    if action_type == "assign_role":
        warn_of_two_review_roles(request, objects)


# After Wagtail's (default order 0): the same action names, our words.
hooks.register("register_log_actions", register_history_words, order=100)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(PUBLISH_APPROVED, _("审核通过后由系统发布"), _("审核通过，系统发布"))
    actions.register_action(FORCE_PUBLISH_ACTION, _("强制发布"), _("管理员强制发布"))
    actions.register_action(
        view_restrictions.LOG_ACTION, _("放宽访问限制"), _("管理员取消或放宽访问限制")
    )
    actions.register_action(WITHDRAWAL_REQUESTED, _("申请撤稿"), _("提交撤稿申请"))
    actions.register_action(WITHDRAWAL_APPROVED, _("批准撤稿"), _("撤稿已批准"))
    actions.register_action(WITHDRAWAL_REFUSED, _("驳回撤稿"), _("撤稿未批准"))
    actions.register_action(CANCELLED_BY_OTHER, _("他人取消审核"), _("审核由提交人以外的人员取消"))


def _refuse(request, reason, page):
    messages.error(request, reason)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def publish_only_through_review(request, page):
    # Runs after the editor saved the revision, so nothing typed is lost.
    if reason := publishing_refusal(page):
        return _refuse(request, reason, page)
    return None


@hooks.register("before_unpublish_page")
def no_direct_unpublish(request, page):
    if reason := takedown_refusal(page):
        return _refuse(request, reason, page)
    return None


@hooks.register("before_delete_page")
def no_direct_delete(request, page):
    if reason := takedown_refusal(page):
        return _refuse(request, reason, page)
    return None


@hooks.register("before_move_page")
def no_direct_move(request, page, destination):
    if reason := takedown_refusal(page):
        return _refuse(request, reason, page)
    return None


@hooks.register("before_copy_page")
def no_live_copies(request, page):
    """A copy kept live, or an alias (always as live as its original), would put pages no
    review has seen online; plain copies are drafts and go through review."""
    if request.method != "POST":
        return None
    if request.POST.get("alias"):
        reason = alias_refusal(page)
    elif request.POST.get("publish_copies"):
        reason = copy_refusal(page)
    else:
        reason = None
    return _refuse(request, reason, page) if reason else None


@hooks.register("before_bulk_action")
def no_bulk_shortcuts(request, action_type, objects, action_class_instance):
    # Documents', images' and users' bulk actions run this hook too.
    if not issubclass(action_class_instance.model, Page):
        return None
    if action_type == "publish":
        check = publishing_refusal
    elif action_type in {"unpublish", "delete", "move"}:
        check = takedown_refusal
    else:
        return None
    for page in objects:
        if reason := check(page):
            messages.error(request, reason)
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


class ForcePublishMenuItem(ActionMenuItem):
    label = _("强制发布（须填写理由）")
    name = "action-force-publish"
    icon_name = "warning"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and in_disclosure_tree(page)
            and may_force_publish(page, context["request"].user)
        )

    def get_url(self, context):
        return reverse("moderation:force_publish", args=(context["page"].pk,))


class RequestWithdrawalMenuItem(ActionMenuItem):
    label = _("申请撤稿（撤下、删除或移动）")
    name = "action-request-withdrawal"
    icon_name = "download"
    order = 95

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and may_request_withdrawal(page, context["request"].user)
        )

    def get_url(self, context):
        return reverse("moderation:request_withdrawal", args=(context["page"].pk,))


@hooks.register("register_page_action_menu_item")
def register_force_publish_menu_item():
    return ForcePublishMenuItem()


@hooks.register("register_page_action_menu_item")
def register_withdrawal_menu_item():
    return RequestWithdrawalMenuItem()


# wagtail-localize's 转换成页面别名 (in the editor of a translation no longer synced).
CONVERT_TO_ALIAS = "localize-convert-to-alias"


@hooks.register("construct_page_action_menu")
def hide_direct_publishing(menu_items, request, context):
    """A disclosure page's editor offers no action that publishes past review, for anyone:
    发布 and 取消发布 (review and 撤稿 do those), nor turning a translation back into an alias
    where that would put its source's text live (guards.alias_conversion_refusal): each would
    be refused after the click."""
    page = context.get("page") or context.get("parent_page")
    if page is None or not in_disclosure_tree(page):
        return
    hidden = {"action-publish", "action-unpublish"}
    offered = {item.name for item in menu_items}
    if CONVERT_TO_ALIAS in offered and alias_conversion_refusal(page):
        hidden.add(CONVERT_TO_ALIAS)
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = _("敏感词")
    list_display = ["pattern", "is_regex", "category", "level", "note"]
    list_filter = ["level", "category"]
    search_fields = ["pattern", "category", "note"]


register_snippet(SensitiveWordViewSet)


@hooks.register(FILTER_SEARCH_SUGGESTIONS)
def drop_sensitive_suggestions(texts):
    """No suggestion offered to the public mentions an entry of the list, of either level."""
    words = all_words()
    return [text for text in texts if not mentions_any(text, words)]


class Art26DeadlinePanel(ListingPanel, Component):
    name = "art26_deadlines"
    order = 205  # beside Wagtail's own “awaiting my review” and “my items in review” panels
    template_name = "moderation/dashboard/deadlines.html"
    panel_id = "art26-deadlines"
    heading = _("主动公开时限（第二十六条：形成或变更之日起20个工作日内公开）")

    def items(self, user):
        return unpublished_items_near_deadline(user)

    def get_context_data(self, parent_context):
        return super().get_context_data(parent_context) | {
            "warn_days": settings.GONGKAI_MODERATION_ART26_WARN_DAYS
        }


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    arrange_dashboard(request.user, panels, deadlines=Art26DeadlinePanel())


# After the apps that add the summary items (documents, images: default order 0).
@hooks.register("construct_homepage_summary_items", order=100)
def name_the_organisation_in_the_summary(request, items):
    name_the_summary(request.user, items)


@hooks.register("before_serve_document")
def hold_back_attachments_of_unpublished_pages(document, request):
    if not may_download(document, request.user):
        raise Http404
    return None
