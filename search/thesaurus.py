"""The default thesaurus of government abbreviations shipped with the site (`data/thesaurus.csv`).

Each row is a synonym group (the short form citizens type, its full and official forms) and the
government document that uses them. A data migration loads it into `search.models.Synonym`, so
it is edited like any synonym in the admin: an office may delete a group or add its own.
"""

import csv
from pathlib import Path

DEFAULT_THESAURUS = Path(__file__).parent / "data" / "thesaurus.csv"


def default_groups(path: Path = DEFAULT_THESAURUS) -> list[tuple[str, str]]:
    """(words, source) of each shipped group, in file order."""
    with path.open(encoding="utf-8", newline="") as file:
        return [(row["words"].strip(), row["source"].strip()) for row in csv.DictReader(file)]


def install(synonym_model) -> int:
    """Adds the shipped groups an office does not already have (same words); returns how many."""
    existing = set(synonym_model.objects.values_list("words", flat=True))
    new = [
        synonym_model(words=words, source=source)
        for words, source in default_groups()
        if words not in existing
    ]
    synonym_model.objects.bulk_create(new)
    return len(new)


def uninstall(synonym_model) -> None:
    """Removes the shipped groups that nobody edited (same words and source)."""
    for words, source in default_groups():
        synonym_model.objects.filter(words=words, source=source).delete()
