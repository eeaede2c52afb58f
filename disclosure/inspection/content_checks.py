"""Checks of what live items say: 办事指南 elements, policy interpretations linked both ways,
serious misstatements."""

from django.utils.translation import gettext as _

from disclosure.catalogue.models import PolicyDocumentPage, PolicyKind, ServiceGuidePage, Validity
from disclosure.catalogue.models.guide_elements import missing_guide_elements
from disclosure.catalogue.visibility import public
from disclosure.moderation.review.sensitive import scan

from .models import Misstatement
from .results import Finding


def guide_findings(scope):
    findings = []
    # The guides an inspector can open (catalogue/visibility.py), as the 解读 below.
    guides = public(ServiceGuidePage.objects.filter(scope.public_within()))
    for guide in guides.order_by("path"):
        missing = missing_guide_elements(guide)
        if missing:
            detail = _("办事指南缺少要素：%(missing)s") % {"missing": "、".join(missing)}
            findings.append(Finding(guide.pk, guide.title, detail, weight=len(missing)))
    return findings


def _interpreted_policy_ids():
    """The policies a public 解读 names (the policy page lists only those: catalogue/
    visibility.py); one that names an alias interprets the alias's page."""
    rows = (
        public(PolicyDocumentPage.objects.all())
        .filter(kind=PolicyKind.INTERPRETATION, interpreted_policy__isnull=False)
        .values_list("interpreted_policy_id", "interpreted_policy__alias_of_id")
    )
    return {alias_of or policy for policy, alias_of in rows}


def _documents(pages):
    """Each document once: a Wagtail alias shows a page elsewhere and is not another document,
    and the translations of one document share its translation_key."""
    seen, documents = set(), []
    for page in pages.filter(alias_of__isnull=True).order_by("path"):
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            documents.append(page)
    return documents


def interpretation_findings(scope):
    """Each 规范性文件 in force has a public 解读 that names it (the policy page lists its public
    interpretations, so one link makes both ways); an interpretation of a policy that is not
    public links one way only. Returns (findings, numbers)."""
    policies = public(PolicyDocumentPage.objects.filter(scope.public_within()))
    normative = _documents(policies.filter(kind=PolicyKind.NORMATIVE, validity=Validity.VALID))
    explained = _interpreted_policy_ids()
    findings, interpreted = [], 0
    for policy in normative:
        if policy.pk in explained:
            interpreted += 1
        else:
            findings.append(Finding(policy.pk, policy.title, _("规范性文件没有关联的政策解读")))
    # Named policy not public: the 解读's page shows no link to it (public_interpreted_policy).
    orphans = policies.filter(kind=PolicyKind.INTERPRETATION).exclude(
        interpreted_policy__in=public(PolicyDocumentPage.objects.all())
    )
    for orphan in _documents(orphans):
        findings.append(Finding(orphan.pk, orphan.title, _("解读所关联的政策文件未发布或已删除")))
    total = len(normative)
    numbers = {
        "normative": total,
        "interpreted": interpreted,
        "ratio": round(interpreted / total, 3) if total else None,
    }
    return findings, numbers


def misstatement_findings(scope):
    """The list of serious misstatements over every live page in scope, with the sensitive-word
    scan (its text fields, StreamFields and attachments' text). A pattern cut off by the
    scan's timeout left that text unchecked: a 提醒 says so, never a silent pass."""
    words = list(Misstatement.objects.all())
    if not words:
        return []
    correct = {word.pattern: word.correct for word in words}
    findings = []
    for page in scope.live_pages().specific().order_by("path"):
        cut_off = []
        for hit in scan(page, words, cut_off=cut_off):
            detail = _("“%(matched)s”应为“%(correct)s”（见%(where)s：%(excerpt)s）") % {
                "matched": hit.matched,
                "correct": correct[hit.pattern],
                "where": hit.where,
                "excerpt": hit.excerpt,
            }
            subject = f"{hit.pattern}|{hit.where}|{hit.matched}"
            findings.append(Finding(page.pk, page.title, detail, subject=subject))
        findings += [_cut_off_finding(page, pattern, where) for pattern, where in cut_off]
    return findings


def _cut_off_finding(page, pattern, where):
    detail = _(
        "表述检查超时：规则“%(pattern)s”在%(where)s中未能在时限内完成，此处未检查，"
        "请简化该规则或人工核对"
    ) % {"pattern": pattern, "where": where}
    return Finding(page.pk, page.title, detail, subject=f"timeout|{pattern}|{where}", notice=True)
