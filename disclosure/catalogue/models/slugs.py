"""Slugs a page may not take because its parent answers at that address itself (its feed)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import CopyForm

from ..title_slugs import TitleSlugPageForm


def reserved_slug_error(slug, parent):
    if parent is None or slug not in getattr(parent.specific_class, "reserved_child_slugs", ()):
        return None
    return _("“%(slug)s”是上级栏目 RSS 订阅的地址，不能用作页面别名（slug），请换一个。") % {
        "slug": slug
    }


def refuse_a_move_onto_a_route(sender, instance, parent_page_after, **kwargs):
    """The `pre_page_move` receiver: every move (the admin's move view, the admin API's move
    action, translations moved along, code) passes here, not only the view's hook."""
    error = reserved_slug_error(instance.slug, parent_page_after)
    if error:
        raise ValidationError({"slug": error})


class ReservedSlugPageForm(TitleSlugPageForm):
    """The editor's form: a new page has no place in the tree yet, only `parent_page`. A page
    never published gets a free slug from its title first (title_slugs.py)."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        error = reserved_slug_error(cleaned_data.get("slug"), parent)
        if error:
            self.add_error("slug", error)
        return cleaned_data


class ReservedSlugCopyForm(CopyForm):
    """Wagtail's copy form: the copy's slug is checked against its new parent's routes."""

    def clean(self):
        cleaned_data = super().clean()
        parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
        error = reserved_slug_error(cleaned_data.get("new_slug"), parent)
        if error:
            self.add_error("new_slug", error)
        return cleaned_data


class ReservedSlugMixin:
    """For page types that live below a page with a feed (columns, items, the guide)."""

    base_form_class = ReservedSlugPageForm
    copy_form_class = ReservedSlugCopyForm

    def clean(self):
        super().clean()
        self._check_slug_is_not_reserved()

    def minimal_clean(self):
        # What Page.save() runs for a draft instead of full_clean: every save of a draft
        # (Wagtail's copy and alias actions, the admin API, code) passes here, not the forms.
        super().minimal_clean()
        self._check_slug_is_not_reserved()

    def _check_slug_is_not_reserved(self):
        # get_parent() is cached by treebeard and was just read by Wagtail's slug check.
        parent = self.get_parent() if self.path else None
        error = reserved_slug_error(self.slug, parent)
        if error:
            raise ValidationError({"slug": error})
