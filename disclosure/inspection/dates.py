"""伪造发稿日期: a live item's 发布日期 is the day the system first published it, unless it
records an earlier publication it came with (the old site's date in an import, the demo:
catalogue's PublicationDateSource). Anything else was set behind the system's back, and so is
a first publication the publication log does not bear out (publications.py): the page's
dates moved together by SQL agree with each other, not with the log."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.catalogue.models import ITEM_PAGE_MODELS, PublicationDateSource

from .publications import disagreement, logged_first_publications
from .results import Finding
from .scope import INFORMATION_PAGE_MODELS


def faked_date_findings(scope):
    """Every live item: its 发布日期 is the day of its first publication (an import and the demo
    backdate that first publication to the date they bring), and never a day still to come."""
    today = timezone.localdate()
    findings = []
    for model in ITEM_PAGE_MODELS:
        items = (
            model.objects.live()
            .filter(scope.within())
            .exclude(first_published_at__isnull=True)
            .exclude(published_on__isnull=True)
            .only("pk", "title", "published_on", "published_on_source", "first_published_at")
        )
        logged = logged_first_publications(items)
        for item in items:
            detail = faked_date(item, today) or unlogged_date(item, logged.get(item.pk))
            if detail:
                findings.append(Finding(item.pk, item.title, detail))
    findings += dated_ahead_findings(scope)
    findings += unlogged_findings(scope)
    return sorted(findings, key=lambda finding: finding.page_id)


def unlogged_findings(scope):
    """A live item of the organisation's own without a publication log entry: its dates cannot
    be checked against anything (the log deleted by SQL, or a page written around Wagtail), and
    it updates no column (publications.py). A reminder, not a faked date: nothing shows that
    its dates were moved."""
    detail = _(
        "发布记录缺失：发布日志中没有这条信息的发布记录，无法证实其发布时间，不计入首页和栏目的更新"
    )
    return [
        Finding(pk, title, detail, subject="unlogged", notice=True)
        for _path, pk, title in scope.unlogged_items
    ]


def faked_date(item, today):
    first = timezone.localdate(item.first_published_at)
    if item.published_on > today:
        return _("发布日期 %(shown)s 晚于今天") % {"shown": item.published_on}
    if item.published_on == first:
        return None
    if item.published_on_source == PublicationDateSource.FIRST_PUBLICATION:
        return _("发布日期 %(shown)s 与首次发布日期 %(first)s 不符，且无来源记录") % {
            "shown": item.published_on,
            "first": first,
        }
    return _("发布日期 %(shown)s 与记录的首次发布日期 %(first)s 不符（来源：%(source)s）") % {
        "shown": item.published_on,
        "first": first,
        "source": item.get_published_on_source_display(),
    }


def unlogged_date(item, logged_first):
    """The page row's first publication against the publication log's."""
    found = disagreement(
        item.first_published_at, logged_first, item.has_recorded_earlier_publication
    )
    if found is None:
        return None
    values = {
        "first": f"{timezone.localtime(item.first_published_at):%Y-%m-%d %H:%M}",
        "logged": f"{timezone.localtime(logged_first):%Y-%m-%d %H:%M}",
    }
    if found == "later":
        return (
            _("首次发布时间 %(first)s 晚于发布日志记录的 %(logged)s，页面的发布时间被改动过")
            % values
        )
    return (
        _(
            "首次发布时间 %(first)s 早于发布日志记录的 %(logged)s，且无来源记录，"
            "页面的发布时间被改动过"
        )
        % values
    )


def dated_ahead_findings(scope):
    """The other page types that update the home page (scope.INFORMATION_PAGE_MODELS: the
    annual report) show their first publication as 发布日期
    (gongkai/languages/publication_dates.py):
    one still to come was set behind the system, and would keep the home page “updated” until
    that day. The catalogue's items are checked above, with their published_on."""
    tomorrow = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=1), time.min)
    )
    findings = []
    for model in INFORMATION_PAGE_MODELS:
        if model in ITEM_PAGE_MODELS:
            continue
        pages = model.objects.live().filter(scope.within(), first_published_at__gte=tomorrow)
        for page in pages.only("pk", "title", "first_published_at"):
            shown = timezone.localdate(page.first_published_at)
            detail = _("发布日期 %(shown)s 晚于今天") % {"shown": shown}
            findings.append(Finding(page.pk, page.title, detail))
    return findings
