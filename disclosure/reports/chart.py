"""The year-over-year chart of the report index, as SVG computed on the server (no JavaScript)."""

from django.utils.translation import gettext_lazy as _

SERIES = (
    ("applications", _("收到申请"), "#1f5fa8"),
    ("disclosures", _("予以公开和部分公开"), "#3f9c5a"),
    ("cases", _("行政复议和行政诉讼"), "#c0392b"),
)
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 260, 40, 40, 20
BAR = 14


def year_over_year_chart(reports):
    """Bars per year and series, oldest year on the left; None when there is nothing to show."""
    years = sorted(
        ((report.year, report.statistics()) for report in reports), key=lambda pair: pair[0]
    )
    if not years:
        return None
    highest = max([v or 0 for _y, stats in years for v in stats.values()] + [1])
    plot_height = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / len(years)
    groups = []
    for i, (year, stats) in enumerate(years):
        x0 = LEFT + i * slot + (slot - BAR * len(SERIES)) / 2
        bars = []
        for j, (key, label, colour) in enumerate(SERIES):
            value = stats[key]
            height = 0 if value is None else plot_height * value / highest
            bars.append(
                {
                    "x": round(x0 + j * BAR, 1),
                    "y": round(TOP + plot_height - height, 1),
                    "height": round(height, 1),
                    "value": "—" if value is None else value,
                    "label": label,
                    "colour": colour,
                }
            )
        groups.append({"year": year, "x": round(LEFT + i * slot + slot / 2, 1), "bars": bars})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - BOTTOM,
        "left": LEFT,
        "highest": highest,
        "top": TOP,
        "groups": groups,
        "series": [{"label": label, "colour": colour} for _k, label, colour in SERIES],
        "rows": years,
    }
