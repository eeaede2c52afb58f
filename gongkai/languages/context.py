from .display import CONTRAST_PARAM, TEXT_PARAM, TEXT_STEPS, Display, link


def display(request):
    """The display mode asked for in the query string, and the switch's links."""
    current = Display.from_query(request.GET)
    return {
        "display": current,
        "display_text_links": [
            {
                "step": step,
                "label": label,
                "url": link(request, **{TEXT_PARAM: step}),
                "current": step == current.text,
            }
            for step, label in enumerate(TEXT_STEPS)
        ],
        "display_contrast_url": link(request, **{CONTRAST_PARAM: "0" if current.contrast else "1"}),
    }
