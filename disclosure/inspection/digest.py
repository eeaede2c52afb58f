"""The weekly digest: each organisation's 管理员 hear what the inspection finds now that it did
not find last week, what got worse or better, and what has been fixed since. It refreshes the
stored results the admin pages read (snapshots.py) as it goes. Its mail goes through the
project's one mail task (gongkai/mail.py), queued through the outbox like review's mail."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.catalogue.models import Organisation
from disclosure.catalogue.staff_roles import role_members
from gongkai.accounts.roles import Role
from gongkai.mail import mail_after_commit, mail_task_formerly_named

from .models import InspectionSnapshot
from .snapshots import refresh

# Findings keyed by indicator and page (and the link or word within it), never by their text:
# snapshots of format 1 keyed by text, so "3 天" → "5 天" read as one fixed and one new.
FORMAT = 2


def findings_of(results):
    """What a snapshot keeps: every finding by its stable key (its line, its detail and how
    severe it is), and each indicator's status, name and count."""
    findings = {}
    for result in results:
        for finding in result.findings:
            findings[f"{result.code}|{finding.identity}"] = {
                "line": f"{result.name}：{finding.title}（{finding.detail}）",
                "detail": finding.detail,
                "severity": list(finding.severity),
            }
    return {
        "format": FORMAT,
        "findings": findings,
        "statuses": {result.code: result.status for result in results},
        "names": {result.code: result.name for result in results},
        "counts": {result.code: result.count for result in results},
    }


def _comparable(snapshot):
    """The previous findings by key; a snapshot of the old format cannot be matched (its keys
    hold the text), so the digest after the upgrade compares with nothing."""
    if not snapshot or snapshot.get("format") != FORMAT:
        return {}
    return snapshot["findings"]


def changes(previous, current):
    """{new, worsened, improved, fixed}: lines of the findings that appeared, got worse (a
    warning became a failure, more elements missing), got better, or went."""
    before, now = _comparable(previous), current["findings"]
    changed = {"new": [], "worsened": [], "improved": [], "fixed": []}
    for key, finding in now.items():
        old = before.get(key)
        if old is None:
            changed["new"].append(finding["line"])
        elif finding["severity"] != old["severity"]:
            kind = "worsened" if finding["severity"] > old["severity"] else "improved"
            line = _("%(line)s；上周：%(before)s") % {
                "line": finding["line"],
                "before": old["detail"],
            }
            changed[kind].append(line)
    changed["fixed"] = [old["line"] for key, old in before.items() if key not in now]
    return changed


SECTIONS = (
    ("new", gettext_lazy("本周新发现的问题")),
    ("worsened", gettext_lazy("本周加重的问题")),
    ("improved", gettext_lazy("本周减轻的问题")),
    ("fixed", gettext_lazy("本周已整改的问题")),
)


def administrators_of(organisation):
    return sorted(
        role_members(organisation.pk, [Role.ADMINISTRATORS])
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def digest_body(organisation, results, changed, previous_counts=None):
    lines = [_("%(name)s 网站检查周报") % {"name": organisation.name}, ""]
    previous_counts = previous_counts or {}
    for result in results:
        line = f"[{result.status_label}] {result.name}：{result.count}"
        before = previous_counts.get(result.code)
        if before is not None and before != result.count:
            line += _("（上周 %(n)s）") % {"n": before}
        lines.append(line)
    for key, heading in SECTIONS:
        lines += ["", str(heading) + _("（%(n)s 个）：") % {"n": len(changed[key])}]
        lines += [f"- {line}" for line in changed[key]] or [_("无")]
    lines += [
        "",
        _("查看并整改：%(url)s")
        % {"url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/inspection/{organisation.pk}/"},
    ]
    return "\n".join(lines)


# The digest's mail was queued under this name (and under review's `moderation.send_review_mail`
# before that): kept registered so that a digest waiting in the outbox across an upgrade is sent.
send_digest_mail = mail_task_formerly_named("inspection.send_digest_mail")


def send_weekly_digests():
    """Snapshot every organisation and mail its 管理员 the changes. Returns mails queued.

    The checks only read; each organisation's snapshot and mail are written in a short
    transaction of their own, so editors' saves never wait for the whole platform's checks
    (SQLite has one write lock)."""
    sent = 0
    for organisation in Organisation.objects.order_by("name"):
        results = refresh(organisation)
        current = findings_of(results)
        previous = InspectionSnapshot.objects.filter(organisation=organisation).first()
        previous = previous.findings if previous else None
        changed = changes(previous, current)
        addresses = administrators_of(organisation)
        subject = _(
            "【网站检查周报】%(name)s：新问题 %(new)s 个，加重 %(worsened)s 个，已整改 %(fixed)s 个"
        ) % {
            "name": organisation.name,
            "new": len(changed["new"]),
            "worsened": len(changed["worsened"]),
            "fixed": len(changed["fixed"]),
        }
        counts = (previous or {}).get("counts")
        body = digest_body(organisation, results, changed, counts)
        with transaction.atomic():
            InspectionSnapshot.objects.create(organisation=organisation, findings=current)
            mail_after_commit(addresses, subject, body)
        sent += bool(addresses)
    return sent
