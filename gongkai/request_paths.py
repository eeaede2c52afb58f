"""The current request's address, to link to or come back to (a login's `next=`, a redirect
to the same view, the language switcher's links).

Not Django's `HttpRequest.get_full_path`: it re-encodes the query string as the WSGI server
passed it, and WSGI passes QUERY_STRING as Latin-1 text. A client that sends UTF-8 unencoded
(`?q=公开` as raw bytes) has each byte read as a Latin-1 character, which `get_full_path`
percent-encodes again: 公 came out as %C3%A5%C2%85%C2%AC, and the search after signing in
looked for mojibake. The query as Django decoded it (`request.GET`, UTF-8), encoded once,
reads the same however it was sent.
"""

from django.utils.encoding import escape_uri_path


def full_path(request):
    """The request's path and query, percent-encoded once."""
    query = request.GET.urlencode()
    return escape_uri_path(request.path) + (f"?{query}" if query else "")
