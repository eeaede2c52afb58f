"""Replaces the form of wagtail-localize's 同步翻译的页面 (`update_translations`) with one that
offers no 立即发布, and its success message for a request that asks for publication anyway.

What it replaces:
- `wagtail_localize.views.update_translations.UpdateTranslationsForm`, the name the view's
  `get_form` builds its form from: the form becomes a subclass without the
  `publish_translations` field, whose cleaned data always say False, so `form_valid` takes its
  other branch (the sync proper: the source re-read, the translations' view restrictions
  updated), whatever the request says;
- `UpdateTranslationsView.get_success_message`: when the request asked for publication (a stale
  form, a crafted request), the message says that nothing was published and that translations
  are published only after review.

Why: on this platform nothing goes live without review. With the box ticked, wagtail-localize
saves each translation into its live row and publishes it when the transaction ends; the review
guard (disclosure/moderation/publishing/publication.py) refuses both, so the translator read
the success message, then 没有权限, on the admin's home page instead of the page they came from.
The option can never work here, so it is not offered. The view has no hook or setting for it;
replacing the form keeps wagtail-localize's view, template, URL and permission check as they are
(the template shows `publish_translations` only when the form has the field).

Checked against wagtail-localize 1.14.5: `get_form` builds the form from the module's name
`UpdateTranslationsForm` (bound on POST); `form_valid` reads `cleaned_data["publish_translations"]`
and publishes only when it is true, and adds `get_success_message()` before redirecting to `next`;
the form's `__init__` sets the field's help text, and adds `use_machine_translation` (kept) when a
machine translator is configured.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    # The whole module: the form is replaced under its module name (so its own source can no
    # longer be looked up through the module), and the view's get_form, form_valid and
    # get_success_message are what the replacement relies on.
    relies_on={"wagtail_localize.views.update_translations": "a6d520036bdc1630"},
)

FIELD = "publish_translations"

SYNCED_NOT_PUBLISHED = _("已同步“%(object)s”的译文，未发布任何内容：译文须经审核后发布。")


def publication_asked(data):
    """Whether submitted form data tick 立即发布, read as wagtail-localize's checkbox reads it."""
    return forms.CheckboxInput().value_from_datadict(data, {}, FIELD)


def without_publication(localize_form):
    class SyncForm(localize_form):
        """wagtail-localize's sync form without 立即发布: translations are published through
        the review only."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            del self.fields[FIELD]

        def clean(self):
            cleaned_data = super().clean()
            cleaned_data[FIELD] = False
            return cleaned_data

    return SyncForm


def replacing_success_message(localize_success_message):
    def get_success_message(view):
        if view.request.method == "POST" and publication_asked(view.request.POST):
            return SYNCED_NOT_PUBLISHED % {"object": view.object.object_repr}
        return localize_success_message(view)

    return get_success_message


def apply():
    from wagtail_localize.views import update_translations

    update_translations.UpdateTranslationsForm = without_publication(
        update_translations.UpdateTranslationsForm
    )
    view = update_translations.UpdateTranslationsView
    view.get_success_message = replacing_success_message(view.get_success_message)
