"""Turning modelsearch query objects into a boolean tree of analysed terms, for every backend."""

from collections.abc import Callable
from contextlib import nullcontext
from functools import cached_property
from itertools import combinations

from django.db import connections, router
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils import translation
from modelsearch.query import And, Boost, MatchAll, Or, Phrase, PlainText

from search import analysis
from search.embedded_sql import compiled_sql

# Renders one list of terms (joined by "AND"/"OR") in a backend's query language, or None.
RenderTerms = Callable[[list[analysis.QueryTerm], str], str | None]


def is_match_all(query) -> bool:
    return isinstance(query, MatchAll)


def walk_query(query, *, words, all_of, any_of, whole_words=None):
    """Fold a modelsearch query tree into what a backend needs: the one walk of the tree that
    the database backends' expressions, the engines' DSL and the text check share.

    `words(terms, operator)` renders the analysed words of a plain-text leaf ("AND"/"OR");
    `all_of(parts)` and `any_of(parts)` join what And and Or hold (never an empty list);
    `whole_words(node, match)` renders the WholeWords ranking tier around its query's `match`
    (a target without it: None). The result is None when nothing in the query can match; a
    part that is None is left out of its join. Negations are dropped rather than inverted: a
    page list of everything *not* containing a word is not a search result anyone asks for, and
    dropping keeps every input answerable. A boost is a preference among matches (see
    `preferred`), never a filter: its subquery is walked.
    """

    def walk(node):
        if isinstance(node, str):
            node = PlainText(node)
        if isinstance(node, (PlainText, Phrase)):
            terms = analysis.query_terms(node.query_string)
            if not terms:
                return None
            operator = "OR" if str(getattr(node, "operator", "and")).upper() == "OR" else "AND"
            return words(terms, operator)
        if isinstance(node, (And, Or)):
            parts = [part for part in map(walk, node.subqueries) if part is not None]
            if not parts:
                return None
            return all_of(parts) if isinstance(node, And) else any_of(parts)
        if isinstance(node, Boost):
            return walk(node.subquery)
        if isinstance(node, WholeWords) and whole_words is not None:
            match = walk(node.query)
            return None if match is None else whole_words(node, match)
        return None  # Not, MatchAll (answered before the walk) and anything unknown

    return walk(query)


def compile_query(query, render_terms: RenderTerms, and_: str = "AND", or_: str = "OR"):
    """The backend's match expression for a query, or None when nothing in it can match."""

    def joined(joiner):
        return lambda parts: f" {joiner} ".join(f"({part})" for part in parts)

    return walk_query(
        query,
        words=lambda terms, operator: render_terms(terms, operator) or None,
        all_of=joined(and_),
        any_of=joined(or_),
        whole_words=lambda node, match: f"({render_terms(node.terms, 'AND')}) {and_} ({match})",
    )


def text_matches(query, normalised: str) -> bool | None:
    """Whether normalised text matches a query the way the index would: every word (any, for
    OR) a substring. None where compile_query has no expression (negations, nothing to match)."""

    def words(terms, operator):
        found = [term.text in normalised for term in terms]
        return any(found) if operator == "OR" else all(found)

    return walk_query(query, words=words, all_of=all, any_of=any)


def restricted_to_live(where) -> bool:
    """Whether a queryset's WHERE already demands live=True (every public search path does)."""
    if where.negated or where.connector != "AND":
        return False
    for child in where.children:
        if hasattr(child, "children"):
            if restricted_to_live(child):
                return True
        elif (
            getattr(child, "lookup_name", None) == "exact"
            and getattr(getattr(child.lhs, "target", None), "name", None) == "live"
            and child.rhs is True
        ):
            return True
    return False


def plain_terms(query) -> list[analysis.QueryTerm] | None:
    """The terms of a plain list of words, or None for anything else (OR, synonyms)."""
    if isinstance(query, (PlainText, Phrase)):
        if str(getattr(query, "operator", "and")).upper() == "OR":
            return None
        return analysis.query_terms(query.query_string)
    if isinstance(query, And):
        terms = []
        for sub in query.subqueries:
            if isinstance(sub, Or) and len(sub.subqueries) == 1:
                sub = sub.subqueries[0]
            if not isinstance(sub, (PlainText, Phrase)):
                return None
            terms += analysis.query_terms(sub.query_string)
        return terms
    return None


def side_by_side(query):
    """The query's words written together as one phrase, or None when it is not a plain list of
    words (one word, OR, synonyms): a ranking tier, never a filter."""
    terms = plain_terms(query)
    phrase = analysis.joined_phrase(terms) if terms else None
    return PlainText(phrase.text) if phrase else None


class WholeWords:
    """A ranking tier: pages matching `query` where each word is also whole jieba words."""

    def __init__(self, terms: list[analysis.QueryTerm], query):
        self.terms, self.query = terms, query


def whole_words(query) -> WholeWords | None:
    terms = plain_terms(query)
    words = analysis.whole_word_terms(terms) if terms else None
    return WholeWords(words, query) if words else None


class MostWords(Or):
    """Pages holding at least `minimum` of the words, ranked by how many they hold: the search
    page's last retry when no page holds them all (search/retries.py). Each word is a query (a
    typed word and its alternatives). To every backend it is the OR of each choice of `minimum`
    words ANDed, so it matches as any OR does; `ranking_tiers` reads its words."""

    def __init__(self, words: list, minimum: int):
        self.words, self.minimum = list(words), max(1, min(minimum, len(words)))
        super().__init__(at_least(self.words, self.minimum))


def at_least(words: list, count: int) -> list:
    """Every choice of `count` of the words, ANDed: a page matching one holds `count` of them."""
    return [And(list(chosen)) if count > 1 else chosen[0] for chosen in combinations(words, count)]


def most_words_tiers(query: MostWords, title_only: bool) -> list[tuple[bool, object]]:
    """All the words, then one fewer, down to the minimum; each in the title, then anywhere."""
    tiers: list[tuple[bool, object]] = []
    for count in range(len(query.words), query.minimum - 1, -1):
        chosen = at_least(query.words, count)
        tier = chosen[0] if len(chosen) == 1 else Or(chosen)
        tiers.append((True, tier))
        if not title_only:
            tiers.append((False, tier))
    return tiers


def preferred(query):
    """The query with each OR reduced to its boosted alternatives, or None when it boosts none.

    `search.query` boosts the words a citizen typed among their synonyms and regional forms
    (`Or([Boost(低保), 最低生活保障])`): the search engines weigh the boost in their score, and
    the database backends rank every page matching the preferred query above the pages found
    only through an alternative (`ranking_tiers`).
    """
    if isinstance(query, Boost):
        return query.subquery
    if isinstance(query, Or):
        boosted = [sub.subquery for sub in query.subqueries if isinstance(sub, Boost)]
        if not boosted:
            return None
        return boosted[0] if len(boosted) == 1 else Or(boosted)
    if isinstance(query, And):
        parts = [preferred(sub) for sub in query.subqueries]
        if all(part is None for part in parts):
            return None
        return And(
            [p if p is not None else s for p, s in zip(parts, query.subqueries, strict=True)]
        )
    return None


def ranking_tiers(query, title_only: bool = False) -> list[tuple[bool, object]]:
    """(in the title?, query) best first: the ranking rules as a list of filters.

    Title matches come before body matches, the words side by side before the words scattered,
    whole jieba words before words spanning two (in the body); within a tier the newest first.
    Each tier is answered by the index newest-first with a LIMIT, which it stops early; nothing
    ranks every match. A query with preferred (boosted) alternatives ranks by the preferred
    query's tiers first — the words as typed — then the pages found only through a synonym or a
    regional form, title before body. A `MostWords` query ranks by how many of its words a page
    holds (`most_words_tiers`).
    """
    if isinstance(query, str):
        query = PlainText(query)
    if isinstance(query, MostWords):
        return most_words_tiers(query, title_only)
    typed = preferred(query)
    if typed is not None:
        tiers = ranking_tiers(typed, title_only)
        tiers.append((True, query))
        if not title_only:
            tiers.append((False, query))
        return tiers
    phrase = side_by_side(query)
    tiers = [(True, phrase)] if phrase else []
    tiers.append((True, query))
    if not title_only:
        if phrase:
            tiers.append((False, phrase))
        words = whole_words(query)
        if words:
            tiers.append((False, words))
        tiers.append((False, query))
    return tiers


def typed_first(query) -> list:
    """The title autocomplete's tiers: the words as typed, then the query with their
    alternatives, so a title found only through a synonym never leads (镇政府 before a title
    holding only 镇人民政府). Autocomplete has no body and no phrase tiers."""
    typed = preferred(query)
    return [query] if typed is None else [typed, query]


def walk_tiers(fetch, expressions: list, limit: int | None, offset: int = 0) -> list[tuple]:
    """(pk, score) rows [offset, offset + limit) of the ranking: the tiers in order, each newest
    first through `fetch(expression, limit)`, a page found in a better tier skipped."""
    wanted = None if limit is None else offset + limit
    found: dict = {}
    for rank, expression in enumerate(expressions):
        if wanted is not None and len(found) >= wanted:
            break
        # Up to len(found) of this tier's rows may already be placed in a better tier.
        for pk in fetch(expression, None if wanted is None else wanted):
            found.setdefault(pk, len(expressions) - rank)
    hits = list(found.items())
    return hits[offset:wanted]


# Bounds of the number of newest rows checked one by one before the database's own plan
# (tsquery.newest_matches, TopKSearchMixin.newest_first).
MIN_PROBE, MAX_PROBE = 200, 5000


def probe_rows(limit: int, entries: int) -> int:
    """How many of the newest rows to check one by one before the database's own plan:
    √(limit × entries).

    Checking rows costs limit ÷ d for a word on a share d of the pages, the database's plan
    (an index of every match) d × N; a probe of P rows then that plan costs at most
    P + limit × N ÷ P, least at P = √(limit × N).
    """
    return max(MIN_PROBE, min(MAX_PROBE, int((limit * max(entries, 1)) ** 0.5)))


def index_size(run, table: str) -> int:
    """The number of index entries, near enough: the highest id (a primary-key lookup)."""
    return run(f"SELECT coalesce(max(id), 0) FROM {table}", [])[0][0]


def pk_cast(model, column: str, cast: str = "CAST({} AS INTEGER)") -> str:
    """The index's text object_id as the model's primary key type, for joins and ordering."""
    field = model._meta.pk
    while field.is_relation:  # a page type's key is its parent link to Page (page_ptr)
        field = field.target_field
    internal_type = field.get_internal_type()
    if internal_type in {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}:
        return cast.format(column)
    return column


def unindexed_title_matches(queryset, query) -> list:
    """Pks, newest first, of pages that the caller's queryset admits but the index leaves out
    (drafts, pages in review, unpublished or expired pages) whose title matches the query.

    The index holds live pages only, so that no public path can find anything else; editors
    still need their drafts in the admin's page search and page chooser, whose querysets hold
    the pages the user may explore. Non-live pages are few, so their titles are read and matched
    with the index's own normalisation. A queryset already restricted to live pages (the public
    page, its autocomplete, the API) admits none of them and skips the read.
    """
    from wagtail.models import Page

    if not issubclass(queryset.model, Page) or restricted_to_live(queryset.query.where):
        return []
    rows = queryset.filter(live=False).order_by("-pk").values_list("pk", "title")
    return [pk for pk, title in rows if text_matches(query, analysis.normalise(title))]


# A page checked against the index by key costs about this many matches checked against the
# caller's filter (SQLite at 100,000 pages: 10–25 µs against 3 µs).
KEYED_CHECK_COST = 4

# Stands in walk_tiers for the tier of unindexed pages (see unindexed_title_matches).
UNINDEXED = object()


class TopKSearchMixin:
    """Search by walking the index's ranked hits and keeping those the caller's queryset admits.

    Non-live pages the caller's queryset admits are matched on their titles and come first, as
    a tier of their own (`unindexed_title_matches`). Subclasses provide `match_expression()`
    (every match), `tier_expressions()` (the ranking tiers, best first),
    `tier_pks(expression, limit)` (a tier's pks, newest first), `entry_pk` (the SQL of an index
    entry's object id as the model's key, the entry aliased `e`), `hits(select, match)`, the
    (sql, params) of `SELECT <select>` over every matching entry, ending in its WHERE clause,
    `keyed_hits(match, key, params)`, the (sql, params) of the object ids of the entries that
    match among those the SQL condition `key` (on the entry `e`'s object_id, and maybe its
    content_type_id, with its `params`) names, each entry looked up by key, and
    `run(sql, params)` gives a statement's rows.
    """

    def check(self):
        # Filters and ordering run in the database on the caller's own queryset, so any field
        # works; modelsearch's check would demand FilterField declarations for each of them.
        pass

    def search(self, config, start, stop, score_field=None, **kwargs):
        if is_match_all(self.query):
            return self.queryset[start:stop]
        match = self.match_expression()
        if match is None:
            return self.queryset.none()
        if not self.order_by_relevance:
            newest = self.newest_first(match, start or 0, stop)
            if newest is not None:
                return newest
            queryset = self.queryset.filter(self.matching(match))
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]
        return self.ranked_slice(start or 0, stop, score_field)

    def newest_first(self, match, start, stop) -> list | None:
        """Results [start, stop) of a search sorted by date, found by walking the caller's
        dated pages newest first (`result_dates.dated_newest_first`: the date's index) and
        checking them against the match a window at a time, by key (`matches_among`).

        The database's own plan hands the id of every match to the page query and sorts them:
        for 公开, held by 98,727 of 100,000 pages, 193 of the 212 ms the sorted page took on
        SQLite. The walk checks about stop ÷ share pages. None, for that plan, when the walk
        does not apply (another order, no end, pages the index does not hold) or when the
        newest `probe_rows(stop)` pages hold fewer than `stop` matches: a rare word, which that
        plan answers cheaply."""
        from search.result_dates import dated_newest_first

        if stop is None or self.unindexed():
            return None
        candidates = dated_newest_first(self.queryset)
        if candidates is None:
            return None
        found = self.walk_newest(*candidates, match, stop)
        if found is None:
            return None
        page = found[start:stop]
        objects = self.queryset.filter(pk__in=page).in_bulk()
        return [objects[pk] for pk in page if pk in objects]

    def walk_newest(self, sql, params, match, wanted) -> list | None:
        """The first `wanted` pks that match among those the statement `sql` selects in order,
        or None when its first `probe_rows(wanted)` hold fewer. Windows grow fourfold from
        2 × wanted: a common word is decided in the first."""
        bound = probe_rows(wanted, self.index_size)
        found, seen, size = [], 0, 2 * wanted
        while seen < bound:
            size = min(size, bound - seen)
            window = [row[0] for row in self.run(f"{sql} LIMIT {size} OFFSET {seen}", params)]
            matching = self.matches_among(match, window)
            found += [pk for pk in window if pk in matching]
            if len(found) >= wanted:
                return found[:wanted]
            if len(window) < size:  # every dated page checked: the undated ones come next
                return None
            seen, size = seen + size, size * 4
        return None

    @cached_property
    def index_size(self) -> int:
        """Read once for all the tiers and windows of one search."""
        from wagtail.search.models import IndexEntry

        return index_size(self.run, IndexEntry._meta.db_table)

    def matches_among(self, match, pks) -> set:
        """Those of `pks` whose index entry matches."""
        if not pks:
            return set()
        ids = [str(pk) for pk in pks]
        key = f"e.object_id IN ({', '.join(['%s'] * len(ids))})"
        rows = self.run(*self.keyed_hits(match, key, ids))
        to_python = self.queryset.model._meta.pk.to_python
        return {to_python(row[0]) for row in rows}

    def unindexed(self) -> list:
        if not hasattr(self, "_unindexed"):
            self._unindexed = unindexed_title_matches(self.queryset, self.query)
        return self._unindexed

    def run(self, sql, params) -> list:
        with connections[router.db_for_read(self.queryset.model)].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def matching_pks(self, match) -> RawSQL:
        """A subquery of every matching pk."""
        return RawSQL(*self.hits(self.entry_pk, match))

    def matching(self, match) -> Q:
        condition = Q(pk__in=self.matching_pks(match))
        return condition | Q(pk__in=self.unindexed()) if self.unindexed() else condition

    def ranked_hits(self, limit, offset):
        """(pk, score) of the ranking's [offset, offset + limit): each tier checks the caller's
        filters match by match (`admitted`), so every hit is a page the caller admits."""
        if self.admitted is None:
            return []
        expressions = [e for e in self.tier_expressions() if e is not None]
        if self.unindexed():
            expressions.insert(0, UNINDEXED)

        def fetch(expression, n):
            if expression is UNINDEXED:
                return self.unindexed()[:n]
            return self.tier_pks(expression, n)

        return walk_tiers(fetch, expressions, limit, offset)

    def ranked_slice(self, start, stop, score_field):
        page = self.ranked_hits(None if stop is None else stop - start, start)
        objects = self.queryset.filter(pk__in=[pk for pk, _ in page]).in_bulk()
        results = []
        for pk, score in page:
            obj = objects.get(pk)
            if obj is None:  # gone since its tier was read
                continue
            if score_field:
                setattr(obj, score_field, score)
            results.append(obj)
        return results

    def count(self, limit=None):
        """How many pages match; with `limit`, at most that many (a common word matches most
        pages, and PostgreSQL rechecks a phrase's positions on every match it counts)."""
        if is_match_all(self.query):
            return self.queryset.count() if limit is None else self.queryset[:limit].count()
        match = self.match_expression()
        if match is None:
            return 0
        if limit is None:
            return self.queryset.filter(self.matching(match)).count()
        # Pages not live are counted by their titles, apart: a page just unpublished may keep
        # its index entry until the worker removes it, and is not counted twice.
        unindexed = self.unindexed()
        indexed = self.queryset.exclude(pk__in=unindexed) if unindexed else self.queryset
        return min(limit, len(unindexed) + self.admitted_hits_up_to(match, limit, indexed))

    def admitted_by(self, queryset) -> tuple[str, list] | None:
        """(sql, params) of the condition that `queryset` admits the object of the index entry
        `e`, looked up by key; None when it admits nothing."""
        compiled = compiled_sql(
            queryset.order_by().filter(pk=RawSQL(self.entry_pk, [])).values("pk")
        )
        if compiled is None:
            return None
        sql, params = compiled
        return f"EXISTS ({sql})", params

    @cached_property
    def admitted(self) -> tuple[str, list] | None:
        """admitted_by(the caller's queryset): the condition each ranking tier checks."""
        return self.admitted_by(self.queryset)

    def admitted_hits_up_to(self, match, limit, queryset) -> int:
        """The index's matches `queryset` admits, counted up to `limit`, from whichever side is
        cheaper: the matches, each checked against the queryset, or the queryset's pages, each
        checked against the index by key.

        A filter admitting few pages (a column: 2,858 of 100,000) made the first walk 35,000
        matches of 公开 long to find 1,000 in the column, where checking its pages finds them
        in about 1,020. A probe of the first `limit` matches tells which case this is: with
        all of them admitted (no filter, or a wide one), or every match seen, it is the
        answer. Otherwise it gives the rate of admitted pages among the matches and of matches
        among the entries, and the pages are checked when that is expected to cost less
        (`pages_matching_up_to`), up to what the matches would have cost; only when the pages
        hold more and fewer than `limit` match does the walk of the matches run whole."""
        admitted = self.admitted_by(queryset)
        if admitted is None:
            return 0
        probed, admitted_in_probe, first, last = self.run(*self.probe(match, limit, admitted))[0]
        if probed < limit or admitted_in_probe >= limit:
            return admitted_in_probe
        # Expected checks each way, the filter independent of the words: the matches hold
        # the filter's pages at the probe's rate, the pages hold matches as densely as the
        # entries the probe spanned (its `limit` matches among last - first + 1 entries).
        matches_needed = (limit - admitted_in_probe) * limit / max(admitted_in_probe, 1)
        pages_needed = last - first + 1
        if pages_needed * KEYED_CHECK_COST < matches_needed:
            budget = min(int(matches_needed / KEYED_CHECK_COST), self.index_size)
            found = self.pages_matching_up_to(match, limit, queryset, budget)
            if found is not None:
                return found
        return self.hits_admitted_up_to(match, limit, admitted)

    def probe(self, match, limit, admitted) -> tuple[str, list]:
        """(sql, params) of (how many, how many `admitted` holds for, lowest and highest entry
        id) of the index's first `limit` matches."""
        condition, condition_params = admitted
        hits_sql, hits_params = self.hits("e.id, e.object_id", match)
        sql = (
            f"SELECT COUNT(*), COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0),"
            f" MIN(e.id), MAX(e.id) FROM ({hits_sql} LIMIT {int(limit)}) AS e"
        )
        return sql, [*condition_params, *hits_params]

    def hits_admitted_up_to(self, match, limit, admitted) -> int:
        """The matches that the condition `admitted` holds for, counted up to `limit`: the
        index hands its matches over one by one and each is looked up by key until the
        limit-th, where `pk IN (every match)` had the database collect every match first (190
        of the search page's 240 ms for 公开 at 100,000 pages on SQLite)."""
        condition, condition_params = admitted
        hits_sql, hits_params = self.hits("1", match)
        sql = (
            f"SELECT COUNT(*) FROM ({hits_sql} AND {condition} LIMIT {int(limit)}) AS admitted_hits"
        )
        return self.run(sql, [*hits_params, *condition_params])[0][0]

    def pages_matching_up_to(self, match, limit, queryset, pages) -> int | None:
        """The queryset's pages whose entry matches, counted up to `limit` among the first
        `pages` of them; None when that many hold fewer than `limit` and there are more."""
        keys, key = candidate_keys(queryset)
        compiled = compiled_sql(keys)
        if compiled is None:
            return 0
        keys_sql, keys_params = compiled
        hit_sql, hit_params = self.keyed_hits(match, key, [])
        sql = (
            f"SELECT COUNT(*) FROM (SELECT 1 FROM ({keys_sql} LIMIT {int(pages)}) AS c"
            f" WHERE EXISTS ({hit_sql}) LIMIT {int(limit)}) AS matching_pages"
        )
        found = self.run(sql, [*keys_params, *hit_params])[0][0]
        if found >= limit:
            return limit
        more = f"SELECT COUNT(*) FROM ({keys_sql} LIMIT {int(pages) + 1}) AS c"
        return found if self.run(more, keys_params)[0][0] <= pages else None


def candidate_keys(queryset):
    """(the queryset's keys as `candidate_key`, the SQL condition naming the index entry of
    the candidate `c`). A page is indexed under its own content type (Wagtail's
    `get_indexed_objects`), so its entry is looked up under that one type: the index is keyed
    by (content type, object id), and a look-up by object id alone probes it once for every
    content type searched, thirteen for the public search."""
    from wagtail.models import Page

    key = "e.object_id = CAST(c.candidate_key AS TEXT)"
    keys = queryset.order_by().annotate(candidate_key=F("pk"))
    if not issubclass(queryset.model, Page):
        return keys.values("candidate_key"), key
    keys = keys.annotate(candidate_type=F("content_type_id"))
    return keys.values("candidate_key", "candidate_type"), (
        f"{key} AND e.content_type_id = c.candidate_type"
    )


class CountUpToMixin:
    """Search results that can stop counting: `count_up_to(limit)` (search/views.py caps the
    count the search page prints)."""

    def count_up_to(self, limit):
        if self._count_cache is not None:
            return min(self._count_cache, limit)
        return self.query_compiler.count(limit)


def withdrawn(obj) -> bool:
    """A page no citizen may find any more: the index keeps only live, unexpired pages, so an
    unpublished or expired page leaves it (Wagtail reindexes a page on every save)."""
    from wagtail.models import Page

    return isinstance(obj, Page) and (not obj.live or obj.expired)


def attachment_text(obj) -> str:
    """The extracted text of the attachments a live page links, indexed as part of its body."""
    from wagtail.models import Page

    from search.attachments import text_for_page

    return text_for_page(obj) if isinstance(obj, Page) else ""


def in_its_language(obj):
    """A context in which an object's text is read for the index as its page shows it: a
    page in its own language. A StreamField's fixed labels (an annual report's section
    headings, a ChoiceBlock's choices) are translated strings, and read in the indexing
    process's language they put Chinese words into an English page's entry that the page
    never shows, so /en/search/?q=公开 found the English report."""
    locale = getattr(obj, "locale", None)
    return translation.override(locale.language_code) if locale is not None else nullcontext()


def indexed_body(obj, body: str) -> str:
    """The body an index entry of the database backends holds: the object's own indexed text,
    then the text of the attachments it links (`attachment_text`). The engines keep the
    attachments in a field of their own (engines.py)."""
    extra = attachment_text(obj)
    return f"{body}\n{extra}" if extra else body


def drop_withdrawn(content_type_pk, objs) -> list:
    """The objects of one content type to index; the index entries of the withdrawn ones
    (`withdrawn`) are deleted (the database backends' add_items)."""
    from wagtail.search.models import IndexEntry

    kept, gone = [], []
    for obj in objs:
        (gone if withdrawn(obj) else kept).append(obj)
    if gone:
        IndexEntry._default_manager.filter(
            content_type_id=content_type_pk, object_id__in=[str(obj.pk) for obj in gone]
        ).delete()
    return kept
