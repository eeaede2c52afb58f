"""The PostgreSQL side of the database backend, free of Django so `bench/` runs the very same SQL.

A document is stored as a tsvector written out with its positions (`document_vectors`): at
each character of a run the trigram starting there (at the run's end, the two or one characters
left), then the jieba words behind `WORD_MARK`. A query word of three or more characters is the
phrase of its trigrams (`'abc' <-> 'bcd'`); one or two characters a prefix (`'ab':*`: every
occurrence starts a token). The GIN index finds pages holding all of a phrase's lexemes, not
their order, and checks the order by reading each candidate's vector: a rare phrase of common
bigrams (医疗保险: each bigram in most pages) read tens of thousands of vectors, while its
trigrams are about as rare as the phrase.
Both sides are literals (`::tsvector`, `::tsquery`), never PostgreSQL's parser, whose idea of
a word depends on the database's locale (under `C` it drops Chinese characters) and which
drops private-use characters such as `WORD_MARK`.
"""

from collections import defaultdict

from search import analysis
from search.backends.common import compile_query, index_size, probe_rows

# Marks a word token in a vector (analysis.WORD_MARK is a letter for FTS5's tokenizer, and a
# word token `now` of the word `no` would equal the trigram of `now`). A private-use character:
# normalisation drops those from any input, so no text can forge it.
WORD_MARK = "\ue001"

# tsvector positions stop at 16,383: past it every token is stored there, so no phrase can be
# checked (a known limit of the database backend, docs/search.md). Past it a run's tokens are
# its bigrams, as before trigrams: a long attachment's distinct trigrams would pass the 1 MB
# PostgreSQL allows a vector's lexemes.
MAX_POSITION = 16383
MAX_LEXEME_BYTES = 2046


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_lexemes(term: analysis.QueryTerm) -> list[str]:
    """The lexemes of a term's phrase: its trigrams, or its jieba words (a ranking tier)."""
    if term.as_words:
        return [word + WORD_MARK for word in analysis.segment(term.text)]
    return analysis.trigrams(term.text)


def tsquery_terms(terms: list[analysis.QueryTerm], operator: str = "AND") -> str:
    """A tsquery literal: one or two characters a prefix, longer words the phrase of their
    trigrams. Tokens hold only letters and digits (and the marks)."""
    parts = []
    for term in terms:
        if len(term.text) < 3 and not term.as_words:
            parts.append(f"{_quoted(term.text)}:*")
        else:
            parts.append(
                "(" + " <-> ".join(_quoted(lexeme) for lexeme in tsquery_lexemes(term)) + ")"
            )
    return (" | " if operator == "OR" else " & ").join(parts)


class _Vector:
    """A tsvector literal built token by token, positions counted from 1."""

    def __init__(self):
        self.positions: dict[str, list[int]] = defaultdict(list)
        self.position = 0

    def _add(self, lexeme: str):
        self.position += 1
        # PostgreSQL refuses a lexeme past 2,046 bytes, which to_tsvector skipped: a jieba
        # "word" is a whole run of Latin letters and digits (a base64 signature in an OFD).
        if len(lexeme.encode()) <= MAX_LEXEME_BYTES:
            self.positions[lexeme].append(min(self.position, MAX_POSITION))

    def add_text(self, text: str):
        for run in analysis.runs(analysis.normalise(text)):
            for index in range(len(run)):
                width = 3 if self.position < MAX_POSITION else 2
                self._add(run[index : index + width])

    def add_words(self, text: str):
        for word in analysis.words(text):
            self._add(word + WORD_MARK)

    def literal(self) -> str:
        return " ".join(
            f"{_quoted(lexeme)}:{','.join(map(str, dict.fromkeys(positions)))}"
            for lexeme, positions in self.positions.items()
        )


def _vector(*texts: str) -> _Vector:
    vector = _Vector()
    for text in texts:
        vector.add_text(text)
    return vector


def document_vectors(title: str, autocomplete: str, body: str) -> tuple[str, str, str]:
    """(title, autocomplete, body) tsvector literals; body holds the title's tokens too, so one
    GIN-indexed column answers "does the page match?", then the jieba word tokens."""
    body_vector = _vector(title, body)
    body_vector.add_words(title)
    body_vector.add_words(body)
    return _vector(title).literal(), _vector(autocomplete).literal(), body_vector.literal()


def column_match(column: str, query) -> tuple[str, str] | None:
    """(indexed column, tsquery literal) for a query, or None when nothing can match."""
    expression = compile_query(query, tsquery_terms, and_="&", or_="|")
    return None if expression is None else (column, expression)


def hits_sql(select: str, table: str, column: str, content_types) -> str:
    """Every entry of the given content types whose `column` matches the tsquery parameter."""
    types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
    return (
        f"SELECT {select} FROM {table} AS e"
        f" WHERE e.{column} @@ %s::tsquery"
        f" AND e.content_type_id IN ({types})"
    )


def _and(condition: str) -> str:
    return f" AND {condition}" if condition else ""


def probe_sql(table: str, column: str, content_types, limit: int, rows: int, condition="") -> str:
    """The matches among the newest `rows` entries, newest first; `condition` on the entry `e`."""
    types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
    return (
        f"SELECT e.object_id FROM (SELECT id, object_id, content_type_id, {column} FROM {table}"
        f" ORDER BY id DESC LIMIT {int(rows)}) AS e"
        f" WHERE e.{column} @@ %s::tsquery AND e.content_type_id IN ({types})"
        f"{_and(condition)} ORDER BY e.id DESC LIMIT {int(limit)}"
    )


def tier_sql(table: str, column: str, content_types, limit: int | None, condition="") -> str:
    """One tier, newest entry first, cut at `limit`, from the GIN index: `e.id + 0` keeps the
    planner off a backward walk of the primary key, which checks rows one by one."""
    sql = hits_sql("e.object_id", table, column, content_types)
    sql += f"{_and(condition)} ORDER BY e.id + 0 DESC"
    return sql if limit is None else f"{sql} LIMIT {int(limit)}"


def newest_matches(
    run,
    table: str,
    column: str,
    content_types,
    expression: str,
    limit,
    entries=None,
    condition=("", []),
):
    """One tier's object ids, newest first, through `run(sql, params) -> rows`.

    A GIN index finds every match but cannot hand them over newest first, so a common word
    costs as many heap reads (and, for a phrase, position checks) as it has matches; walking the
    primary key backwards checks rows one by one and costs as many rows as it takes to meet
    `limit` matches, which for a rare word is the whole table. PostgreSQL's planner guesses
    between them from lexeme statistics and guesses wrong for rare words. So: the newest
    `probe_rows` entries are checked first (common words fill the page there); only a word too
    rare for that goes to the GIN index, where rarity makes it cheap. The entry count comes from
    the highest id (a primary-key lookup): ids are assigned in order; a caller ranking several
    tiers reads it once (`index_size`) and passes it as `entries`. `condition` is (sql, params)
    of a condition on the entry `e` checked with the match (the caller's filters).
    """
    where, params = condition
    if limit is not None:
        if entries is None:
            entries = index_size(run, table)
        probe = probe_rows(limit, entries)
        if probe < entries:
            sql = probe_sql(table, column, content_types, limit, probe, where)
            rows = run(sql, [expression, *params])
            if len(rows) >= limit:
                return rows
    return run(tier_sql(table, column, content_types, limit, where), [expression, *params])
