from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .force_publish import ForcePublishForm, force_publish, may_force_publish


def force_publish_view(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not may_force_publish(page, request.user):
        raise PermissionDenied
    form = ForcePublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        force_publish(page, request.user, form.cleaned_data["reason"])
        messages.success(
            request, _("“%(title)s”已强制发布，理由已记入日志。") % {"title": page.title}
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "moderation/reason_form.html",
        {
            "page": page,
            "form": form,
            "page_title": _("强制发布"),
            "page_subtitle": page.get_admin_display_title(),
            "header_title": _("强制发布"),
            "intro": _("强制发布不经审核流程，直接公开最新版本。请写明理由，理由将记入审计日志。"),
            "submit_label": _("强制发布"),
        },
    )
