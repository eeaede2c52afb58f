"""Replaces the labels Wagtail derives in English from attribute names with Chinese ones.

What it replaces:
- `wagtail.sites.views.IndexView.columns`: the site listing's columns are labelled from their
  attribute names ("Port", "Site name", "Root page"), which no catalogue translates; each such
  label becomes the field's verbose name, which Wagtail's catalogue translates.
- `wagtail.admin.forms.workflows.WorkflowPageForm`: the workflow editor's page field declares no
  label, so Django shows "Page"; it becomes 页面.
- `wagtail.admin.views.pages.search.SearchView`: the page search names no model, so the title
  column's header (`PageTitleColumn.get_header_context_data`, which reads the view's
  `verbose_name_plural`) counted "共 6 个None，第 1–6 个"; the view gets Page's own names (页面).

Why: a 信息员 or an administrator reads the admin in Chinese (issue 17); these strings are in
no catalogue because they are never marked for translation.

Checked against Wagtail 8.0.1: the columns `Column("port")`, `Column("site_name")` and
`Column("root_page")` have no label (the host name's and the default flag's have one, and are
left alone), and the form's `page` field has none.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.sites.views.IndexView.columns": "e0701aa88c3f73c3",
        "wagtail.admin.forms.workflows.WorkflowPageForm": "bf8863f4811fe8a9",
        "wagtail.admin.views.pages.search.SearchView": "33bd557b83ef4cab",
        "wagtail.admin.ui.tables.pages.PageTitleColumn.get_header_context_data": "ca59e2018f09de02",
    },
)


def apply():
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page, Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.label == capfirst(column.name.replace("_", " ")):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
    WorkflowPageForm.base_fields["page"].label = _("页面")
    if SearchView.verbose_name_plural is None:
        SearchView.verbose_name = Page._meta.verbose_name
        SearchView.verbose_name_plural = Page._meta.verbose_name_plural
