from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from gongkai.accounts.roles import ROLE_HOLDERS_HOOK

from .domain_chooser import DomainViewSet
from .models import Organisation
from .models.slugs import reserved_slug_error
from .own_drafts import created_at, delete_url, is_own_unreviewed_draft, may_delete_own_draft
from .staff_roles import role_members_q
from .visibility import ancestors_live

register_snippet(Organisation)
register_snippet(DomainViewSet)
hooks.register(ROLE_HOLDERS_HOOK, role_members_q)


@hooks.register("before_serve_page", order=-1)
def refuse_below_a_page_not_live(page, request, serve_args, serve_kwargs):
    """A page below a page that is not live is not public (visibility.py), whatever its own
    flag: Wagtail's routing reads only the page served. Before the view restrictions' check,
    so that a login or password form does not tell that the page exists."""
    if not ancestors_live(page):
        raise Http404


TAKEN_ADDRESS = _(
    "地址“%(taken)s”已被同一栏目下的其他页面使用，本页面的地址为 %(address)s"
    "（可在“推荐”标签页修改）。"
)


HELD_BY_MY_DRAFT = _(
    "地址“%(taken)s”已被您之前未提交的草稿“%(title)s”（%(created)s 创建，从未发布）占用，"
    "本页面的地址暂为 %(address)s。%(choices)s"
)
DELETE_OR_OPEN_MY_DRAFT = _(
    "如果那份草稿是没写完就放弃的，可以%(delete)s，再保存本页面，地址就会改为“%(taken)s”；"
    "也可以%(open)s。"
)
OPEN_MY_DRAFT = _("如需要，可以%(open)s。")
DELETE_MY_DRAFT_LINK = _("删除那份草稿")
OPEN_MY_DRAFT_LINK = _("打开那份草稿")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_the_editor_a_taken_address(request, page):
    """A draft whose wanted address a sibling has gets a suffix (title_slugs.py); the editor
    learns the address it got, and when her own unreviewed draft holds the address (often an
    attempt that autosave kept), which draft that is, with links to delete or open it. Not on an
    autosave: its JSON answer shows no messages."""
    taken = getattr(page, "slug_taken_by_another_page", None)
    if not taken or not request.accepts("text/html"):
        return
    address = page.get_url(request=request) or page.slug
    holder = getattr(page, "slug_holder", None)
    if holder is not None and is_own_unreviewed_draft(holder, request.user):
        messages.warning(request, _held_by_my_draft(request, page, holder, taken, address))
        return
    messages.info(request, TAKEN_ADDRESS % {"taken": taken, "address": address})


def _held_by_my_draft(request, page, holder, taken, address):
    link = '<a href="{}">{}</a>'
    opened = format_html(
        link, reverse("wagtailadmin_pages:edit", args=(holder.pk,)), OPEN_MY_DRAFT_LINK
    )
    if may_delete_own_draft(holder, request.user):
        back_here = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        deleted = format_html(link, delete_url(holder, back_here), DELETE_MY_DRAFT_LINK)
        choices = DELETE_OR_OPEN_MY_DRAFT % {
            "delete": deleted,
            "open": opened,
            "taken": conditional_escape(taken),
        }
    else:
        choices = OPEN_MY_DRAFT % {"open": opened}
    made = created_at(holder)
    # Every value is escaped above, or is a link made here.
    return mark_safe(
        HELD_BY_MY_DRAFT
        % {
            "taken": conditional_escape(taken),
            "title": conditional_escape(holder.get_admin_display_title()),
            "created": date_format(localtime(made), "Y-m-d H:i") if made else "",
            "address": conditional_escape(address),
            "choices": choices,
        }
    )


@hooks.register("before_move_page")
def no_move_onto_a_route(request, page, destination):
    """A page moved below a column keeps its slug: one called rss would take the column's
    feed address (models/slugs.py refuses it on create, edit and copy)."""
    if error := reserved_slug_error(page.slug, destination):
        messages.error(request, error)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
