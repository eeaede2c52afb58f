"""Reading numbers from a public URL's query string, where anyone can type anything."""

# The largest value every supported database stores in an integer column or accepts as
# LIMIT/OFFSET (SQLite's and PostgreSQL's signed 64-bit integer); Python's int has no bound.
DB_INT_MAX = 2**63 - 1
# Longer than any number in range: refused before int() spends time on it.
MAX_DIGITS = len(str(DB_INT_MAX)) + 1


def bounded_int(value, low, high):
    """`value` as an int within [low, high], or None for anything else.

    Full-width and other Unicode decimal digits (２０２３) are read as numbers, since Chinese input
    methods type them; signs, spaces and anything non-numeric make the value absent, never an error.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.isdecimal() and len(value) <= MAX_DIGITS:
        # isdecimal() first: int() would also read " 2022", "+2022" and "2_022".
        number = int(value)
    else:
        return None
    return number if low <= number <= high else None


# Years a visitor's filter finds pages in: any date the database can compare (a year such as 1
# or 99999 has no bounds as a datetime in the site's time zone, which was a 500).
YEARS = (1900, 2999)
# A run of digits longer than this is junk rather than a year anyone typed (int() and str()
# of a long one take time).
MAX_YEAR_DIGITS = 100


def chosen_year(value):
    """The year a URL's `year` chooses, as an int: digits alone (full-width too, as with
    `bounded_int`), even outside `YEARS`. Such a year stays chosen and keeps nothing
    (`year_in_range`), as a year no page shows does: dropping it silently listed every year
    as if none had been chosen. None for anything else (-1, 1e3, text, 101 digits)."""
    if isinstance(value, str) and value.isdecimal() and len(value) <= MAX_YEAR_DIGITS:
        return int(value)
    return None


def year_in_range(year):
    """Whether a filter on `year` can find pages: never give the database a year outside."""
    return YEARS[0] <= year <= YEARS[1]


def object_id(value):
    """A primary key as a URL gives it: a positive integer a database column can hold."""
    return bounded_int(value, 1, DB_INT_MAX)


def requested_page(paginator, value):
    """The page of `paginator` a URL's `page` asks for: past the last, the last (a listing
    that shrank since the link was made); anything else out of range or not a number (0, -1,
    "abc"), the first."""
    number = bounded_int(value, 1, DB_INT_MAX)
    if number is None and _beyond_every_page(value):
        number = paginator.num_pages
    if number is None:
        return paginator.page(1)
    return paginator.page(min(number, paginator.num_pages))


def _beyond_every_page(value):
    """Digits alone, too many for any database's integer (99999999999999999999): a page
    past the last, not junk."""
    return (
        isinstance(value, str)
        and value.isdecimal()
        and len(value.lstrip("0")) >= len(str(DB_INT_MAX))
    )
