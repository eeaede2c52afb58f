"""A 严重表述错误 pattern is a regular expression the scan runs in requests (submission, review)
and in workers (the inspection): the snippet form refuses one with nested quantifiers, and a
runaway pattern stored anyway is cut off instead of holding the CPU."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.inspection.content_checks import misstatement_findings
from disclosure.inspection.models import Misstatement
from disclosure.inspection.scope import Scope

ATTACK = "(红+)+星$"  # 5 s of CPU for 26 characters with `re`, minutes for 34
NESTED = "嵌套的量词"


def post_misstatement(client, office, pattern):
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailsnippets_inspection_misstatement:add")
    data = {"pattern": pattern, "is_regex": "on", "correct": "红星", "source": "测试"}
    return client.post(url, data)


@pytest.mark.parametrize("pattern", [ATTACK, "(红*)*星", "((红|星)+)+", "(?:红{1,9})+"])
def test_the_snippet_form_refuses_nested_quantifiers(client, office, pattern):
    response = post_misstatement(client, office, pattern)
    assert response.status_code == 200
    assert NESTED in response.content.decode()
    assert not Misstatement.objects.filter(pattern=pattern).exists()


def test_the_model_refuses_the_attack_and_accepts_ordinary_patterns(db):
    with pytest.raises(ValidationError) as refused:
        Misstatement(pattern=ATTACK, is_regex=True, correct="红星", source="测试").full_clean()
    assert NESTED in str(refused.value.message_dict["pattern"])
    # A fixed count inside a quantifier does not backtrack; literal text is never a pattern.
    for pattern, is_regex in [("台湾(国|地区)+政府", True), ("(红星){2}+", True), (ATTACK, False)]:
        Misstatement(pattern=pattern, is_regex=is_regex, correct="x", source="测试").full_clean()


@pytest.mark.parametrize("pattern", [ATTACK, "(红|红红)+星$"])
def test_a_runaway_pattern_stored_anyway_is_cut_off(office, pattern):
    """Stored past the form (a script, an older row), or backtracking without nested
    quantifiers (an alternation under one): the scan of a live page still ends quickly."""
    Misstatement.objects.create(pattern=pattern, is_regex=True, correct="红星", source="测试")
    assert Misstatement.objects.filter(pattern="中华人民共合国").exists()  # seeded
    DisclosureDocumentPageFactory(
        parent=office["columns"][1], title="中华人民共合国" + "红" * 34 + "x"
    )
    started = time.monotonic()
    findings = misstatement_findings(Scope(office["township"]))
    assert time.monotonic() - started < 5
    # The other patterns are still applied.
    assert any("中华人民共合国" in finding.detail for finding in findings)


def test_a_pattern_cut_off_is_reported_not_taken_for_no_match(office):
    """A page the pattern could not be run over is unchecked, not clean: the inspection says
    so on the page, as a 提醒 naming the pattern."""
    runaway = "(红|红红)+星$"  # `regex` cuts `(红+)+` short itself; not this one
    Misstatement.objects.create(pattern=runaway, is_regex=True, correct="红星", source="测试")
    page = DisclosureDocumentPageFactory(parent=office["columns"][1], title="红" * 34 + "x")
    findings = misstatement_findings(Scope(office["township"]))
    (cut_off,) = [finding for finding in findings if "超时" in finding.detail]
    assert cut_off.page_id == page.pk and runaway in cut_off.detail
    assert cut_off.notice and not cut_off.counts
