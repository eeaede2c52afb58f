"""The BCP 47 tag of a Django language code, for HTML `lang` and `hreflang` attributes. Plumbing:
the site's skeletons (base.html, the PDFs' pdf/base.html) write it for the page's language, and
the languages app for each language version of a page."""

from django.utils.translation import to_locale


def language_tag(code):
    """BCP 47 tag for an HTML `lang`/`hreflang` attribute: zh-hans → zh-Hans, en → en."""
    return to_locale(code).replace("_", "-")
