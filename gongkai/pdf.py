"""HTML → PDF for every printable document (annual reports, reply letters, 审批单).

WeasyPrint lays out the same server-rendered HTML the browser prints; the Chinese text is set
in Debian's Noto CJK fonts (``fonts-noto-cjk``, installed by ``make system-deps``) and WeasyPrint
embeds the subset it uses, so the file reads the same on a machine without those fonts.
"""

from django.template.loader import render_to_string

# Named in the stylesheet every PDF template extends (``pdf/base.html``).
CJK_FONT_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    # Imported on use: every web worker imports this module, few ever need
    # WeasyPrint (50 MB with fontTools) (docs/performance.md, "Worker memory").
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    """Render a Django template (extending ``pdf/base.html``) straight to PDF bytes."""
    html = render_to_string(template_name, context, request=request)
    base_url = request.build_absolute_uri("/") if request is not None else None
    return html_to_pdf(html, base_url=base_url)
