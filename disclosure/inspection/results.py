"""What an indicator found: the things to fix (with the pages) and the status it gives."""

from dataclasses import asdict, dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import IndicatorKind, applied_threshold


class Status(models.TextChoices):
    """What an indicator gives. The values are what the snapshots, the command's JSON and the
    admin's data-status attributes hold."""

    PASS = "pass", _("通过")
    WARN = "warn", _("提醒")
    VETO = "veto", _("否决")


# What each output calls a status, as the indicators (docs/domain.md, the quarterly website
# inspection) do: a veto item that fails is 单项否决; problems of a deduction item cost
# points (扣分); problems that fail nothing yet (below the veto threshold, about to go past a
# cadence, a reminder) are 提醒.
VETO_LABEL = _("单项否决")
DEDUCTION_LABEL = _("扣分")
UPCOMING_MARK = _("即将超期")
NOTICE_MARK = _("提醒")

# The numbers behind an indicator, as the report names them.
NUMBER_LABELS = {
    "columns": _("检查的栏目"),
    "external": _("外部链接"),
    "external_checked": _("已检查的外部链接"),
    "internal_broken": _("不可用的站内链接"),
    "external_broken": _("不可用的外部链接"),
    "normative": _("规范性文件"),
    "interpreted": _("已解读"),
    "ratio": _("解读比例"),
}


@dataclass
class Finding:
    """One thing an inspector would report, and the page where it is fixed."""

    page_id: int | None
    title: str
    detail: str
    # A warning before the veto: not a failure yet, one within the warning period.
    upcoming: bool = False
    # A reminder that never becomes a failure by waiting (a second disclosure root the public
    # cannot open, beside a public one): counts for nothing, and is not “about to” anything.
    notice: bool = False
    # What the finding is about within its page when a page can have several (a link's target,
    # a misstatement's word): never a number that changes as the problem grows, so the digest
    # recognises a finding from week to week (the detail text may change).
    subject: str = ""
    # How much of it there is (a guide's missing elements): larger is worse.
    weight: int = 1
    # Fails its indicator alone, whatever the threshold (an organisation without a disclosure
    # catalogue: nothing else of it can be inspected).
    decisive: bool = False

    @property
    def counts(self):
        return not (self.upcoming or self.notice)

    @property
    def mark(self):
        """What the outputs print before a finding that does not count: 即将超期 or 提醒."""
        if self.upcoming:
            return str(UPCOMING_MARK)
        return str(NOTICE_MARK) if self.notice else ""

    @property
    def identity(self):
        return f"{self.page_id}|{self.subject}"

    @property
    def severity(self):
        """Ordered: a warning or reminder < a failure; more missing < fewer."""
        return (1 if self.counts else 0, self.weight)

    @classmethod
    def from_dict(cls, data):
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})


@dataclass
class Result:
    code: str
    name: str
    kind: str
    threshold: int
    source: str
    findings: list = field(default_factory=list)
    numbers: dict = field(default_factory=dict)
    note: str = ""

    @property
    def failures(self):
        return [finding for finding in self.findings if finding.counts]

    @property
    def count(self):
        return len(self.failures)

    @property
    def status(self):
        # Within the form's limits (models.applied_threshold), as the settings list shows it.
        threshold = applied_threshold(self.threshold)
        if self.kind == IndicatorKind.VETO and (
            self.count >= threshold or any(f.decisive for f in self.failures)
        ):
            return Status.VETO
        if self.findings:
            return Status.WARN
        return Status.PASS

    @property
    def is_veto_item(self):
        return self.kind == IndicatorKind.VETO

    @property
    def labelled_numbers(self):
        return [(str(NUMBER_LABELS.get(key, key)), value) for key, value in self.numbers.items()]

    @property
    def status_label(self):
        status = self.status
        if status == Status.VETO:
            return str(VETO_LABEL)
        if status == Status.WARN and not self.is_veto_item and self.failures:
            return str(DEDUCTION_LABEL)
        return str(status.label)

    @property
    def kind_label(self):
        return str(VETO_LABEL if self.is_veto_item else DEDUCTION_LABEL)

    def as_dict(self):
        data = asdict(self)
        data.update(status=self.status, status_label=self.status_label, count=self.count)
        return data

    @classmethod
    def from_dict(cls, data):
        """A Result as stored by as_dict() (the status and count follow from the findings)."""
        fields = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        fields["findings"] = [Finding.from_dict(finding) for finding in data.get("findings", [])]
        return cls(**fields)
