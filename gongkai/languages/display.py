"""适老化 display modes: larger text in steps and high contrast.

The choice travels in the query string (`?text=2&contrast=1`), which works without JavaScript;
with JavaScript, static/js/display.js remembers it in localStorage and applies it on every page.
No cookie is set, so no consent is needed.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TEXT_STEPS = [_("标准"), _("大"), _("较大"), _("特大")]  # 100 %, 125 %, 150 %, 175 %
TEXT_PARAM = "text"
CONTRAST_PARAM = "contrast"
DISPLAY_PARAMETERS = (TEXT_PARAM, CONTRAST_PARAM)  # read by every page


def _step(value):
    try:
        step = int(value)
    except (TypeError, ValueError):
        return 0
    return step if 0 <= step < len(TEXT_STEPS) else 0


@dataclass(frozen=True)
class Display:
    text: int = 0
    contrast: bool = False

    @classmethod
    def from_query(cls, query):
        return cls(text=_step(query.get(TEXT_PARAM)), contrast=query.get(CONTRAST_PARAM) == "1")

    @property
    def html_class(self):
        classes = [f"text-{self.text}"] if self.text else []
        if self.contrast:
            classes.append("contrast")
        return " ".join(classes)


def link(request, **changes):
    """The current URL with display parameters changed (other parameters such as q are kept)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = str(value)
    return "?" + query.urlencode()
