"""The patches that name in Chinese what Wagtail and its companions derive from code
(gongkai/languages/patches/admin_labels.py, model_names.py, translation_report_labels.py) are
in effect, and still replace only names nobody declared: when a library names one itself, the
patch is re-read (the library's own name may be better than hiding it)."""

import pytest
from django.apps import apps
from django.utils import translation

from gongkai.languages.patches.model_names import DECLARED_WHEN_CHECKED, MODEL_NAMES, OWN_PACKAGES


def test_the_site_listing_and_the_workflow_form_are_labelled_in_chinese():
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.sites.views import IndexView

    with translation.override("zh-hans"):
        labels = {column.name: str(column.label) for column in IndexView.columns}
        assert labels["port"] == "端口号" and labels["root_page"] == "根页面"
        assert str(WorkflowPageForm.base_fields["page"].label) == "页面"


def test_the_translation_report_filters_are_labelled_in_chinese():
    from wagtail_localize.views.report import TranslationsReportFilterSet

    filters = TranslationsReportFilterSet.base_filters
    assert [str(filters[name].label) for name in ("source_locale", "target_locale")] == [
        "原文语言",
        "译文语言",
    ]


def test_a_snippet_breadcrumb_is_in_the_language_of_the_request_not_of_startup():
    """Wagtail names a snippet listing's first breadcrumb with an eager gettext when the admin's
    URLs are built: a process whose URLs were first built outside a Chinese request showed
    "Home" on every snippet listing for its lifetime (the inspection settings, in a browser)."""
    from wagtail.snippets.views.snippets import SnippetViewSet

    from disclosure.inspection.models import Indicator

    with translation.override("en"):
        items = SnippetViewSet(model=Indicator).breadcrumbs_items
    with translation.override("zh-hans"):
        assert str(items[0]["label"]) == "首页"


def declared_names(model):
    declared = model._meta.original_attrs
    with translation.override("en"):
        return tuple(
            None if declared.get(option) is None else str(declared[option])
            for option in ("verbose_name", "verbose_name_plural")
        )


# The library models named include the SQLite search index's, absent on PostgreSQL.
@pytest.mark.backend_independent
def test_the_libraries_still_declare_what_they_did_when_the_names_were_checked():
    """On failure: a library names one of these models itself now. Read its name in Chinese
    (its catalogue may translate it); drop our entry or keep it, and record the new names."""
    assert set(DECLARED_WHEN_CHECKED) == set(MODEL_NAMES)
    current = {label: declared_names(apps.get_model(label)) for label in MODEL_NAMES}
    assert current == DECLARED_WHEN_CHECKED


# The library models named include the SQLite search index's, absent on PostgreSQL.
@pytest.mark.backend_independent
def test_the_named_models_are_the_libraries_and_get_our_names():
    for label, name in MODEL_NAMES.items():
        model = apps.get_model(label)
        assert not model.__module__.startswith(OWN_PACKAGES), label
        assert model._meta.verbose_name == model._meta.verbose_name_plural == name


def test_our_models_have_no_plural_s():
    for model in apps.get_models():
        if model.__module__.startswith(OWN_PACKAGES):
            assert model._meta.verbose_name_plural == model._meta.verbose_name or (
                "verbose_name_plural" in model._meta.original_attrs
            ), model._meta.label


def test_page_search_counts_its_results_in_pages(admin_client, township):
    """Wagtail's page search gives its result header no model name: "共 1 个None，第 1–1 个"
    (findings F9 of the editors' walk-through)."""
    response = admin_client.get("/admin/pages/search/?q=政策", HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = response.content.decode()
    assert response.status_code == 200
    assert "个None" not in text
    assert "个页面，第" in text
