"""The interface catalogues in locale/: made by makemessages, zh_Hans filled mechanically.

The source strings are Chinese, so the zh_Hans catalogue's msgstr is its msgid; filling it by
program means a merge of two branches' catalogues is re-running `make messages`, never
hand-editing. Locations are left out (--no-location) so that moving code changes nothing.
The .mo files are compiled with polib (no msgfmt needed where the site runs).

The zh_Hans catalogue also carries Chinese for admin strings of Wagtail and its companions that
their own catalogues leave in English (`admin_messages.py`). makemessages extracts only our
source and would drop such entries, so `fill_source_language` writes them back from that module
every time: the catalogue stays a product of the source, merges stay mechanical. A catalogue in
LOCALE_PATHS wins over the apps' own (Django's merge order), for the `django` domain here and
for the `djangojs` one (JavaScript's strings), which has no source of ours and is written whole.
"""

import gettext
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from . import admin_messages

SOURCE_LANGUAGE = "zh_Hans"
LANGUAGES = [SOURCE_LANGUAGE, "en"]
# wagtail_templates: copies of Wagtail's templates keep Wagtail's msgids (see its README).
IGNORE = [
    "node_modules/*",
    "var/*",
    "test-results/*",
    "bench/*",
    "tests/*",
    "*/tests/*",
    "gongkai/languages/wagtail_templates/*",
]


def catalogue_path(locale_dir, language, suffix="po"):
    return Path(locale_dir) / language / "LC_MESSAGES" / f"django.{suffix}"


def run_makemessages(verbosity=0, symlinks=False):
    call_command(
        "makemessages",
        locale=LANGUAGES,
        no_location=True,
        no_obsolete=True,
        ignore_patterns=IGNORE,
        symlinks=symlinks,
        verbosity=verbosity,
    )


def apps_chinese():
    """{msgid: Chinese} from the installed apps' own zh_Hans catalogues (Wagtail's and its
    companions'), as Django would merge them: an app listed earlier wins."""
    found = {}
    for config in reversed(list(apps.get_app_configs())):
        try:
            catalogue = gettext.translation(
                "django", Path(config.path) / "locale", languages=[SOURCE_LANGUAGE]
            )
        except OSError:
            continue
        found.update(catalogue._catalog)
    return found


def has_chinese(text):
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def fill_source_language(po, overrides=None):
    """msgstr = msgid for the Chinese catalogue, and the Chinese of each override (added when
    missing); returns how many entries changed. An English msgid comes from a copy of a
    library's template: it takes the library's own Chinese, where the library has one, since
    our catalogue wins over the library's."""
    overrides = admin_messages.DJANGO if overrides is None else overrides
    changed = add_overrides(po, overrides)
    library = apps_chinese()
    for entry in po:
        if entry.obsolete or override_key(entry) in overrides:
            continue
        if not has_chinese(entry.msgid):
            source = library.get((entry.msgid, 0) if entry.msgid_plural else entry.msgid)
            source = source or entry.msgid
        else:
            source = entry.msgid
        if entry.msgid_plural:
            wanted = {0: source}  # Chinese has one plural form
            if entry.msgstr_plural != wanted:
                entry.msgstr_plural = wanted
                changed += 1
        elif entry.msgstr != source:
            entry.msgstr = source
            changed += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            changed += 1
    return changed


def override_key(entry):
    return admin_messages.Msg(entry.msgid, entry.msgid_plural or None, entry.msgctxt)


def add_overrides(po, overrides):
    """Put each override into `po` with its Chinese; returns how many entries changed."""
    changed = 0
    entries = {override_key(entry): entry for entry in po if not entry.obsolete}
    for message, chinese in overrides.items():
        entry = entries.get(message)
        if entry is None:
            entry = polib.POEntry(msgid=message.msgid, msgctxt=message.context)
            if message.plural:
                entry.msgid_plural = message.plural
            if "%(" in message.msgid or "%s" in message.msgid or "%d" in message.msgid:
                entry.flags.append("python-format")
            po.append(entry)
        if message.plural:
            if entry.msgstr_plural != {0: chinese}:
                entry.msgstr_plural = {0: chinese}
                changed += 1
        elif entry.msgstr != chinese:
            entry.msgstr = chinese
            changed += 1
    return changed


def javascript_catalogue(overrides):
    """The djangojs catalogue of zh_Hans: the overrides of Wagtail's JavaScript strings."""
    po = polib.POFile(wrapwidth=100)
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": SOURCE_LANGUAGE,
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    add_overrides(po, overrides)
    return po


def write_javascript_catalogue(locale_dir):
    path = catalogue_path(locale_dir, SOURCE_LANGUAGE).with_name("djangojs.po")
    javascript_catalogue(admin_messages.DJANGOJS).save(str(path))
    compile_catalogue(path)


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
    write_javascript_catalogue(locale_dir)


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
