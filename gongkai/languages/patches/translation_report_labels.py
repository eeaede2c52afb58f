"""Replaces the English labels of two filters of wagtail-localize's translations report.

What it replaces: `wagtail_localize.views.report.TranslationsReportFilterSet`'s `source_locale`
and `target_locale` filters, which declare no label (django-filter then names them after their
fields in English), get 原文语言 and 译文语言.

Why: the report is part of the admin a translator reads in Chinese; no catalogue holds these
names because they are never marked for translation.

Checked against wagtail-localize 1.14.5: both filters are `LocaleFilter(...)` without a label.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={"wagtail_localize.views.report.TranslationsReportFilterSet": "3cad876657fc7ad4"},
)


def apply():
    from wagtail_localize.views.report import TranslationsReportFilterSet

    filters = TranslationsReportFilterSet.base_filters
    filters["source_locale"].label = _("原文语言")
    filters["target_locale"].label = _("译文语言")
