"""Whether a page was ever published, and the words for it: the one definition.

A page was published at some time when it is live, or was unpublished since (Wagtail keeps its
first publication time and its live revision). Such a page had an address someone may have
linked to; taken down (撤稿 by 撤下), it is 已撤下. Every other page is a draft never published
(尚未发布). Wagtail sets the three fields together, but an import or a script may set one
without the others, so a reader asking one of them alone (``first_published_at``) would call a
page withdrawn that another reader calls a draft.

Readers: the editor's own drafts (``own_drafts``), the moderation state (``review.status``),
the 政策解读 panel (``panels``) and the Art. 26 deadlines (``review.deadlines``).
"""

import datetime

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The state of a page taken down after publication: the 撤稿方式 “撤下” carried out.
WITHDRAWN = _("已撤下")
NEVER_PUBLISHED = _("尚未发布")


def published_before_this_site(day):
    """The first publication time of a page published on `day` before it came to this site (an
    import, the demo's items and reports): 9:00 that day, local time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def ever_published_q():
    """A filter on pages published at some time (live now, or unpublished since)."""
    return Q(live=True) | Q(first_published_at__isnull=False) | Q(live_revision__isnull=False)


def never_published():
    """For a queryset of pages (`.annotate(never_published=never_published())`): whether each
    page was never published (ever_published_q, negated)."""
    return ExpressionWrapper(~ever_published_q(), output_field=BooleanField())


def was_ever_published(page):
    """ever_published_q for one page in hand. A page not saved yet (the create form's) was
    never published, though Wagtail's new Page is live until the create view saves a draft."""
    if page.pk is None:
        return False
    return bool(page.live or page.first_published_at or page.live_revision_id)


def was_withdrawn(page):
    """Published once and not live now: taken down (已撤下)."""
    return not page.live and was_ever_published(page)
