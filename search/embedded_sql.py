"""A queryset compiled to SQL, to embed in a statement written by hand: the search backends'
counts and tiers, and the date sort's walk of the newest pages (result_dates.py)."""

from django.core.exceptions import EmptyResultSet
from django.db import router


def compiled_sql(queryset) -> tuple[str, list] | None:
    """(sql, params) of a queryset, to embed in a statement of ours; None when it can match
    nothing (Django then raises rather than compile it)."""
    using = router.db_for_read(queryset.model)
    try:
        sql, params = queryset.query.get_compiler(using).as_sql()
    except EmptyResultSet:
        return None
    return sql, list(params)
