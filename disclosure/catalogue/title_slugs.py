"""A page's slug comes from its title, in pinyin, and is never the reason a page cannot be made.

Wagtail's editor copies the title into the slug as the editor types (Chinese, percent-encoded in
the address at nine characters per Han character) and refuses a slug a sibling has. Autosave
turns an abandoned first attempt into a draft that keeps that slug, so making the item again
failed with a slug conflict on the hidden 推荐 tab (issue 17). So, while a page has never been
published, its address is not yet anyone's link and the server decides it:

- a slug left as the editor's sync made it (empty, Chinese, or what the server derived from the
  title saved before) is derived from the title again: pinyin syllables joined by hyphens
  (`pypinyin`, which reads 重庆 as chong-qing by its phrase dictionary), at most SLUG_LENGTH
  characters cut at a syllable;
- a slug the editor typed in Latin letters is kept;
- either way, one a sibling already has, or one the parent answers at itself (its feed), gets
  the first free suffix: `-2`, `-3`, … and the editor is told the address it got (a message
  after the save, `wagtail_hooks.tell_the_editor_a_taken_address`): creation is never blocked,
  and never silently given another address either.

Once a page has been published its slug is its public address: it changes only when an editor
changes it, and a conflict is then an error (in Chinese, on the 推荐 tab).
"""

import re

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .publication_state import was_ever_published

SLUG_LENGTH = 60
FALLBACK = "item"


def pinyin_slug(text, max_length=SLUG_LENGTH):
    """'老年人优待证办理指南（2024年）' → 'lao-nian-ren-you-dai-zheng-ban-li-zhi-nan-2024-nian'."""
    # Imported on use: every web worker imports this module, few ever need
    # pypinyin's phrase dictionary (58 MB) (docs/performance.md, "Worker memory").
    from pypinyin import lazy_pinyin

    words = lazy_pinyin(text or "")  # Latin letters and digits pass through as they are
    slug = slugify(" ".join(words))
    if len(slug) > max_length:
        cut = slug[:max_length]
        ends_inside_a_syllable = slug[max_length] != "-" and "-" in cut
        slug = cut.rsplit("-", 1)[0] if ends_inside_a_syllable else cut
    return slug.strip("-")


def free_slug(parent, base, page=None):
    """`base`, or `base-2`, `base-3`, … : the first no sibling of `page` under `parent` has and
    that the parent does not answer at itself (reserved_child_slugs, e.g. its feed)."""
    # Not parent.get_children(): treebeard answers "none" from a stale copy's numchild.
    siblings = Page.objects.child_of(parent).filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True)) | reserved_slugs(parent)
    return first_free(base, taken)


def reserved_slugs(parent):
    return set(getattr(parent.specific_class, "reserved_child_slugs", ()))


def first_free(base, taken):
    """`base`, or `base-2`, `base-3`, …: the first not in `taken`."""
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def _with_any_suffix(slug):
    return re.compile(rf"{re.escape(slug)}(-\d+)?")


def is_derived(slug, previous_title):
    """Whether `slug` is still what the editor's sync or this module made of the title: empty,
    not in Latin letters (Wagtail's sync copies the Chinese title), or the slug derived from the
    title saved before (with or without a suffix)."""
    if not slug or not slug.isascii():
        return True
    previous = pinyin_slug(previous_title) if previous_title else ""
    return bool(previous) and _with_any_suffix(previous).fullmatch(slug) is not None


def wanted_slug(title, slug, previous_title=""):
    """The slug a never-published page would have if no sibling had it."""
    if is_derived(slug, previous_title):
        return pinyin_slug(title) or (pinyin_slug(slug) if slug else "") or FALLBACK
    return slug


class TitleSlugPageForm(WagtailAdminPageForm):
    """The editor's form of pages below a disclosure root (columns, items, the guide, reports)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and not was_ever_published(self.instance):
            # Left empty (a title typed without key presses, as an input method may do), the
            # slug is derived here: never a "required" error on the hidden 推荐 (Promote) tab.
            self.fields["slug"].required = False

    def clean(self):
        # Before Wagtail's own check (super().clean()), which refuses a slug a sibling has.
        self._settle_slug()
        return super().clean()

    def _settle_slug(self):
        page = self.instance
        if "slug" not in self.fields or was_ever_published(page):
            return
        parent = self.parent_page or (page.get_parent() if page.pk else None)
        title = self.cleaned_data.get("title")
        if parent is None or not title:
            return  # an autosave before the title is typed: Wagtail saves nothing yet
        # The edit view's instance is the latest draft: its title is the one saved before.
        previous_title = page.title if page.pk else ""
        wanted = wanted_slug(title, self.cleaned_data.get("slug", ""), previous_title)
        slug = free_slug(parent, wanted, page)
        self.cleaned_data["slug"] = slug
        # Read by the hooks after the save (the views save this very instance).
        page.slug_taken_by_another_page = wanted if slug != wanted else None
        page.slug_holder = holder_of(parent, wanted, page) if slug != wanted else None


def holder_of(parent, slug, page=None):
    """The sibling of `page` under `parent` that has `slug`, or None (the parent's feed)."""
    siblings = Page.objects.child_of(parent).filter(slug=slug)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return siblings.select_related("owner").first()
