"""Closing the ways around review for disclosure pages.

Only the workflow's finish action publishes a disclosure page; taking a published one down
(unpublish, delete, move) goes through a withdrawal review. These checks back the admin hooks
in wagtail_hooks.py; they are plain functions so tests can reach them directly.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from disclosure.catalogue.own_drafts import leaf_or_subtree
from disclosure.catalogue.roots import in_disclosure_tree

from .publication import ALIAS_OF_UNPUBLISHED

PUBLISH_THROUGH_REVIEW = _(
    "政府信息须经初审、保密审查和终审后由系统发布，不能直接发布。"
    "稿件已保存为草稿，请提交审核；管理员确需发布的，请使用“强制发布”并填写理由。"
)
COPY_THROUGH_REVIEW = _(
    "政府信息的副本须经审核后发布：复制时不能保持发布状态或创建别名，请复制为草稿后提交审核。"
)
WITHDRAW_THROUGH_REVIEW = _(
    "已发布的政府信息须经撤稿审核才能撤下、删除或移动：请打开该页面，"
    "在编辑页底部的操作菜单中选择“申请撤稿”。"
)


# The annotation `live_content_rows` sets on each page of a listing.
LIVE_CONTENT_ANNOTATION = "read_has_live_content"


def has_live_content(page):
    """Whether taking `page` down would take published information down with it. A page of a
    listing annotated by `live_content_rows` answers from its annotation."""
    read = getattr(page, LIVE_CONTENT_ANNOTATION, None)
    if read is not None:
        return read
    return page.live or Page.objects.descendant_of(page).live().exists()


def live_content_rows():
    """For a queryset of pages (`.annotate(**live_content_rows())`): has_live_content of each,
    read with the rows."""
    live_below = Page.objects.filter(
        path__startswith=OuterRef("path"), depth__gt=OuterRef("depth"), live=True
    )
    # A page without children has nothing below it: its own flag, without the subquery.
    return {
        LIVE_CONTENT_ANNOTATION: leaf_or_subtree(Q(live=True), Q(live=True) | Exists(live_below))
    }


def publishing_refusal(page):
    """The reason a direct publish of `page` is refused, or None when it may go ahead."""
    return PUBLISH_THROUGH_REVIEW if in_disclosure_tree(page) else None


def takedown_refusal(page):
    """The reason a direct unpublish/delete/move of `page` is refused, or None."""
    if in_disclosure_tree(page) and has_live_content(page):
        return WITHDRAW_THROUGH_REVIEW
    return None


def alias_conversion_refusal(page):
    """The reason turning the translation `page` back into an alias of its source (wagtail-
    localize's 转换成页面别名) is refused, or None. The conversion copies the source's content
    into the page and makes it as live as the source: where the page or its source is live, a
    disclosure page would show text no review run approved for it, which
    publication.check_page_save refuses whoever asks. (Any other live version of the page
    stands in for its source: the source is one of them.)"""
    if not in_disclosure_tree(page):
        return None
    versions = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    if page.live or versions.live().exists():
        return PUBLISH_THROUGH_REVIEW
    return None


def copy_refusal(page):
    """The reason a live copy or an alias of `page` is refused, or None."""
    if in_disclosure_tree(page) and has_live_content(page):
        return COPY_THROUGH_REVIEW
    return None


def alias_refusal(page):
    """The reason an alias of `page` is refused, or None: one of a page with published content
    would be live at once, one of a page that is not live would go live with it; either way in
    a place no reviewer was shown. (publication.check_alias_creation holds the second rule on
    every path; this answers first, with the message for the case.)"""
    if not in_disclosure_tree(page):
        return None
    if has_live_content(page):
        return COPY_THROUGH_REVIEW
    if not page.live:
        return ALIAS_OF_UNPUBLISHED
    return None
