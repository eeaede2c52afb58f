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

- `wagtail.snippets.views.snippets.SnippetViewSet.breadcrumbs_items`: its "Home" (and
  "Snippets") labels are translated with an eager gettext while the admin's URLs are built, so
  a process whose URLs were first built outside a Chinese request (an English public page
  first, a management command) showed "Home" on every snippet listing until it restarted; the
  labels become lazy, translated when each page renders.

Why: a 信息员 or an administrator reads the admin in Chinese (issue 17); these strings are in
no catalogue because they are never marked for translation.

Checked against Wagtail 8.0.1: the columns `Column("port")`, `Column("site_name")` and
`Column("root_page")` have no label (the host name's and the default flag's have one, and are
left alone), and the form's `page` field has none.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext
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
        "wagtail.snippets.views.snippets.SnippetViewSet.breadcrumbs_items": "65bfda591fcdae6b",
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
    _lazy_snippet_breadcrumbs()
    if SearchView.verbose_name_plural is None:
        SearchView.verbose_name = Page._meta.verbose_name
        SearchView.verbose_name_plural = Page._meta.verbose_name_plural


# Wagtail's own msgids, translated by its catalogue.
SNIPPET_BREADCRUMB_LABELS = ("Home", "Snippets")


def _lazy_snippet_breadcrumbs():
    from wagtail.snippets.views.snippets import SnippetViewSet

    wagtails = SnippetViewSet.breadcrumbs_items.fget

    def breadcrumbs_items(self):
        items = wagtails(self)
        # Wagtail's labels were translated just now, in the language active now.
        lazy = {gettext(msgid): _(msgid) for msgid in SNIPPET_BREADCRUMB_LABELS}
        return [{**item, "label": lazy.get(item["label"], item["label"])} for item in items]

    SnippetViewSet.breadcrumbs_items = property(breadcrumbs_items)
