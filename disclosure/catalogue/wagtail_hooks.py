from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from gongkai.accounts.roles import ROLE_MEMBERS_HOOK

from .domain_chooser import DomainViewSet
from .models import Organisation
from .models.slugs import reserved_slug_error
from .staff import organisation_role_members

register_snippet(Organisation)
register_snippet(DomainViewSet)
hooks.register(ROLE_MEMBERS_HOOK, organisation_role_members)


@hooks.register("register_log_actions")
def register_catalogue_log_actions(actions):
    actions.register_action("catalogue.import", _("导入发布"), _("从原网站导入并发布"))


TAKEN_ADDRESS = _(
    "地址“%(taken)s”已被同一栏目下的其他页面使用，本页面的地址为 %(address)s"
    "（可在“推荐”标签页修改）。"
)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_the_editor_a_taken_address(request, page):
    """A draft whose wanted address a sibling has gets a suffix (title_slugs.py); the editor
    learns the address it got. Not on an autosave: its JSON answer shows no messages."""
    taken = getattr(page, "slug_taken_by_another_page", None)
    if not taken or not request.accepts("text/html"):
        return
    address = page.get_url(request=request) or page.slug
    messages.info(request, TAKEN_ADDRESS % {"taken": taken, "address": address})


@hooks.register("before_move_page")
def no_move_onto_a_route(request, page, destination):
    """A page moved below a column keeps its slug: one called rss would take the column's
    feed address (models/slugs.py refuses it on create, edit and copy)."""
    if error := reserved_slug_error(page.slug, destination):
        messages.error(request, error)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
