"""Names the admin shows that come from code rather than catalogues: model names without a
declared plural or any Chinese name, and labels Wagtail derives from attribute names ("Port").
Applied once the apps are ready (LanguagesConfig.ready); migrations read only the options a
model declares (`_meta.original_attrs`), so none of this changes migration state."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .model_names import name_models_in_chinese


def label_the_admin_in_chinese():
    give_plurals_their_singular()
    name_models_in_chinese()
    label_site_columns()
    label_workflow_page_field()
    label_translation_report_filters()


# The project's own apps: their models are named in Chinese.
OWN_PACKAGES = ("gongkai", "home", "disclosure", "search")


def give_plurals_their_singular():
    """Chinese has no plural: a model of ours that names no verbose_name_plural would be listed
    as "公开信息s" (Django appends an "s"). Its plural is its name."""
    from django.apps import apps

    for model in apps.get_models():
        options = model._meta
        if model.__module__.startswith(OWN_PACKAGES) and (
            "verbose_name_plural" not in options.original_attrs
        ):
            options.verbose_name_plural = options.verbose_name


def label_site_columns():
    """Wagtail's site listing labels three columns from their attribute names in English
    ("Port", "Site name", "Root page"); label them with the fields' names, which its catalogue
    translates."""
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.label == capfirst(column.name.replace("_", " ")):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


def label_workflow_page_field():
    """The workflow editor's page field has no label: Django names it "Page" from the field."""
    from wagtail.admin.forms.workflows import WorkflowPageForm

    WorkflowPageForm.base_fields["page"].label = _("页面")


def label_translation_report_filters():
    """wagtail-localize's translations report names two filters after their fields in English."""
    from wagtail_localize.views.report import TranslationsReportFilterSet

    filters = TranslationsReportFilterSet.base_filters
    filters["source_locale"].label = _("原文语言")
    filters["target_locale"].label = _("译文语言")
