"""Building a report page's body from plain data (used by the importer, the demo and tests)."""

from django.utils.html import escape

from disclosure.reports.blocks import TABLE_BLOCK_NAMES

# Where each table goes: after the section that speaks of it.
TABLE_AFTER_SECTION = {"2": "table_a", "3": "table_b", "4": "table_c"}


def paragraphs_html(text):
    """Plain text (one paragraph a line) as rich-text HTML."""
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def report_body(sections, tables):
    """StreamField data: ``sections`` maps "1"…"6" to HTML, ``tables`` maps a table key to
    ``(format_key, values)``. Each table follows its section, in the order of the report."""
    body = []
    for key in sorted(sections):
        body.append(("section", {"section": key, "body": sections[key]}))
        table_key = TABLE_AFTER_SECTION.get(key)
        if table_key in tables:
            format_key, values = tables[table_key]
            body.append((TABLE_BLOCK_NAMES[(table_key, format_key)], values))
    return body
