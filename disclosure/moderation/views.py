from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from gongkai.aliases import foreign_content_language
from gongkai.pdf import render_pdf

from .models import WithdrawalRequest, WithdrawalStatus
from .people.audit import AuditFilterForm, audit_response
from .publishing.force_publish import ForcePublishForm, force_publish, may_force_publish
from .publishing.withdrawal import (
    NO_CONTENT_OF_ITS_OWN,
    WithdrawalDecision,
    WithdrawalDecisionForm,
    WithdrawalRequestForm,
    decide_withdrawal,
    may_request_withdrawal,
    request_withdrawal,
)
from .review.review_record import may_follow_review, moderation_log, review_runs
from .review.sensitive import (
    all_words,
    highlighted,
    page_texts,
    pending_attachments,
    scan,
    unreadable_attachments,
)
from .review.status import moderation_status


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


def request_withdrawal_view(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not may_request_withdrawal(page, request.user):
        if (
            foreign_content_language(page) is not None
            and page.permissions_for_user(request.user).can_edit()
        ):
            messages.error(request, NO_CONTENT_OF_ITS_OWN)
            return redirect("wagtailadmin_pages:edit", page.pk)
        raise PermissionDenied
    form = WithdrawalRequestForm(request.POST or None, page=page)
    if request.method == "POST" and form.is_valid():
        request_withdrawal(page, request.user, **form.cleaned_data)
        messages.success(request, _("撤稿申请已提交，待分管领导审核。"))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "moderation/reason_form.html",
        {
            "page": page,
            "form": form,
            "page_title": _("申请撤稿"),
            # What is withdrawn is what the public reads, not a draft's new title.
            "page_subtitle": page.title,
            "header_title": _("申请撤稿"),
            "intro": _("已发布的信息须经分管领导审核后才能撤下、删除或移动。请写明理由。"),
            "submit_label": _("提交撤稿申请"),
        },
    )


def decide_withdrawal_view(request, withdrawal_id):
    withdrawal = get_object_or_404(WithdrawalRequest, id=withdrawal_id)
    if withdrawal.status != WithdrawalStatus.PENDING and withdrawal.may_follow(request.user):
        return TemplateResponse(
            request,
            "moderation/withdrawal_decided.html",
            {
                "withdrawal": withdrawal,
                "page_title": _("撤稿申请"),
                "header_title": _("撤稿申请（已审核）"),
            },
        )
    if not withdrawal.may_decide(request.user):
        raise PermissionDenied
    form = WithdrawalDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == WithdrawalDecision.APPROVE
        try:
            decide_withdrawal(withdrawal, request.user, approve, form.cleaned_data["comment"])
        except PermissionDenied as refusal:  # nothing was done: the decision rolled back
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("已批准撤稿。") if approve else _("已驳回撤稿申请。"))
            return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "moderation/withdrawal_decision.html",
        {
            "withdrawal": withdrawal,
            "form": form,
            "page_title": _("审核撤稿申请"),
            "header_title": _("审核撤稿申请"),
        },
    )


def sensitive_scan_view(request, page_id):
    """The review screen's scan: the latest revision's text with every listed word marked."""
    page = get_object_or_404(Page, id=page_id).specific
    if not may_follow_review(page, request.user):
        raise PermissionDenied
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision else page
    words = all_words()
    hits = scan(candidate, words)
    sections = [
        {"where": where, "text": highlighted(text, words)}
        for where, text in page_texts(candidate)
        if any(hit.where == str(where) for hit in hits)
    ]
    return TemplateResponse(
        request,
        "moderation/sensitive_scan.html",
        {
            "page": page,
            "hits": hits,
            "sections": sections,
            "unreadable": unreadable_attachments(candidate),
            "pending": pending_attachments(candidate),
            "page_title": _("敏感词检查"),
            "header_title": _("敏感词检查"),
            "page_subtitle": page.get_admin_display_title(),
        },
    )


def _review_record_context(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not may_follow_review(page, request.user):
        raise PermissionDenied
    return {
        "page": page,
        "state": moderation_status(page),
        "runs": review_runs(page),
        "log_entries": moderation_log(page),
        "now": timezone.localtime(),
    }


def review_record_view(request, page_id):
    context = _review_record_context(request, page_id)
    context.update(
        page_title=_("审批单"),
        header_title=_("审批单"),
        page_subtitle=context["page"].get_admin_display_title(),
    )
    return TemplateResponse(request, "moderation/review_record.html", context)


def review_record_pdf_view(request, page_id):
    context = _review_record_context(request, page_id)
    pdf = render_pdf("moderation/review_record_pdf.html", context, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="review-record-{page_id}.pdf"'
    return response


def audit_export_view(request):
    form = AuditFilterForm(request.GET or None, user=request.user)
    if not form.user_may_export:
        raise PermissionDenied
    export_format = request.GET.get("format")
    if form.is_valid() and export_format in {"csv", "xlsx"}:
        return audit_response(form.entries(), export_format)
    return TemplateResponse(
        request,
        "moderation/audit_export.html",
        {"form": form, "page_title": _("审计日志导出"), "header_title": _("审计日志导出")},
    )
