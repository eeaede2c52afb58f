"""Links other apps add to an organisation's disclosure root page and to its guide (the
register's 依申请公开 form and status query). The catalogue sits below them and cannot name their
templates or URLs: an app registers a function on the Wagtail hook DISCLOSURE_ROOT_LINKS,
taking the organisation and the request and returning HTML (render_to_string of its own
template), and the root page and the guide show what each returns, in registration order.
The request is None when the guide is rendered for the search index."""

from wagtail import hooks

DISCLOSURE_ROOT_LINKS = "disclosure_root_links"


def disclosure_root_links(organisation, request):
    return [render(organisation, request) for render in hooks.get_hooks(DISCLOSURE_ROOT_LINKS)]
