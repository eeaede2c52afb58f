"""The interface catalogues in locale/: made by makemessages, zh_Hans filled mechanically.

The source strings are Chinese, so the zh_Hans catalogue's msgstr is its msgid; filling it by
program means a merge of two branches' catalogues is re-running `make messages`, never
hand-editing. Locations are left out (--no-location) so that moving code changes nothing.
The .mo files are compiled with polib (no msgfmt needed where the site runs).
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command

SOURCE_LANGUAGE = "zh_Hans"
LANGUAGES = [SOURCE_LANGUAGE, "en"]
IGNORE = ["node_modules/*", "var/*", "test-results/*", "bench/*", "tests/*", "*/tests/*"]


def catalogue_path(locale_dir, language, suffix="po"):
    return Path(locale_dir) / language / "LC_MESSAGES" / f"django.{suffix}"


def run_makemessages(verbosity=0, symlinks=False):
    call_command(
        "makemessages",
        symlinks=symlinks,
        locale=LANGUAGES,
        no_location=True,
        no_obsolete=True,
        ignore_patterns=IGNORE,
        verbosity=verbosity,
    )


def fill_source_language(po):
    """msgstr = msgid for the Chinese catalogue; returns how many entries changed."""
    changed = 0
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            wanted = {0: entry.msgid}  # Chinese has one plural form
            if entry.msgstr_plural != wanted:
                entry.msgstr_plural = wanted
                changed += 1
        elif entry.msgstr != entry.msgid:
            entry.msgstr = entry.msgid
            changed += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            changed += 1
    return changed


def compile_catalogue(po_path):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def update_catalogues(locale_dir=None, verbosity=0, symlinks=False):
    """`make messages`: extract, fill zh_Hans, compile both.

    makemessages writes the project's strings to the `locale` folder beside the sources it
    scans (the working directory's), so extracting into another folder means scanning from a
    tree of symlinks beside it (`symlinks=True`): see the catalogue test.
    """
    locale_dir = Path(locale_dir or settings.LOCALE_PATHS[0])
    run_makemessages(verbosity, symlinks=symlinks)
    source_path = catalogue_path(locale_dir, SOURCE_LANGUAGE)
    source = polib.pofile(str(source_path), wrapwidth=100)
    fill_source_language(source)
    source.save()
    for language in LANGUAGES:
        compile_catalogue(catalogue_path(locale_dir, language))


def entries(po_path):
    """What a catalogue says, without its header dates: {(context, msgid): msgstr}."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
        )
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete
    }


def untranslated(po_path):
    return [entry.msgid for entry in polib.pofile(str(po_path)).untranslated_entries()]
