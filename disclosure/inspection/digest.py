"""The weekly digest: each organisation's 管理员 hear what the inspection finds now that it did
not find last week, and what has been fixed since."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.catalogue.models import Organisation
from disclosure.moderation.tasks import send_review_mail
from gongkai.accounts.roles import Role
from gongkai.outbox import send_after_commit

from .indicators import inspect
from .models import InspectionSnapshot


def findings_of(results):
    """{key: line} of every finding, and {code: status}: what a snapshot keeps."""
    findings = {}
    for result in results:
        for finding in result.findings:
            key = f"{result.code}|{finding.page_id}|{finding.detail}"
            findings[key] = f"{result.name}：{finding.title}（{finding.detail}）"
    return {
        "findings": findings,
        "statuses": {result.code: result.status for result in results},
        "names": {result.code: result.name for result in results},
    }


def changes(previous, current):
    before = previous.get("findings", {}) if previous else {}
    now = current["findings"]
    return {
        "new": [now[key] for key in now if key not in before],
        "fixed": [before[key] for key in before if key not in now],
    }


def administrators_of(organisation):
    return sorted(
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__organisation_role__organisation=organisation,
            groups__organisation_role__role=Role.ADMINISTRATORS,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def digest_body(organisation, results, changed):
    lines = [_("%(name)s 网站检查周报") % {"name": organisation.name}, ""]
    for result in results:
        lines.append(f"[{result.status_label}] {result.name}：{result.count}")
    for heading, key in ((_("本周新发现的问题"), "new"), (_("本周已整改的问题"), "fixed")):
        lines += ["", heading + _("（%(n)s 个）：") % {"n": len(changed[key])}]
        lines += [f"- {line}" for line in changed[key]] or [_("无")]
    lines += [
        "",
        _("查看并整改：%(url)s")
        % {"url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/inspection/{organisation.pk}/"},
    ]
    return "\n".join(lines)


def send_weekly_digests():
    """Snapshot every organisation and mail its 管理员 the changes. Returns mails queued.

    The checks only read; each organisation's snapshot and mail are written in a short
    transaction of their own, so editors' saves never wait for the whole platform's checks
    (SQLite has one write lock)."""
    sent = 0
    for organisation in Organisation.objects.order_by("name"):
        results = inspect(organisation)
        current = findings_of(results)
        previous = InspectionSnapshot.objects.filter(organisation=organisation).first()
        changed = changes(previous.findings if previous else None, current)
        addresses = administrators_of(organisation)
        subject = _("【网站检查周报】%(name)s：新问题 %(new)s 个，已整改 %(fixed)s 个") % {
            "name": organisation.name,
            "new": len(changed["new"]),
            "fixed": len(changed["fixed"]),
        }
        body = digest_body(organisation, results, changed)
        with transaction.atomic():
            InspectionSnapshot.objects.create(organisation=organisation, findings=current)
            if addresses:
                send_after_commit(send_review_mail, addresses, subject, body)
        sent += bool(addresses)
    return sent
