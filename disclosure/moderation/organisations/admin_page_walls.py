"""The walls between organisations on the admin views that name pages by id or list them
outside the page explorer: every admin view that takes a page id in its URL, the page chooser
(browse, search, chosen), every page bulk action, the page-types-usage report and
wagtail-localize's translations report.

Staff see their own organisations' pages as Wagtail shows them; another organisation's page
only once it is live (its title is public then, and linking to it is legitimate). Bulk
actions never name another organisation's page: they cannot act on it anyway.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.views import chooser
from wagtail.admin.views.bulk_action import index as bulk_action_index
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page, get_page_models
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.views.report import TranslationsReportView

from disclosure.catalogue.models import DisclosureIndexPage
from disclosure.catalogue.roots import below_any, pages_below_q
from disclosure.catalogue.staff_roles import sees_every_organisation

from .walls import organisation_roots_of_user, within_organisation


def other_organisations_pages_q(user):
    """A Q over pages matching the pages of organisations `user` does not work for."""
    every_root = pages_below_q(DisclosureIndexPage.objects.values_list("path", flat=True))
    return every_root & ~within_organisation(user)


def hidden_pages_q(user):
    """Pages `user` may not see named in the chooser: other organisations' pages not live."""
    return other_organisations_pages_q(user) & Q(live=False)


def limit_page_chooser(pages, request):
    """The `construct_page_chooser_queryset` hook (browse and search views)."""
    return pages.exclude(hidden_pages_q(request.user))


def _refuse_hidden(request, page_ids):
    if Page.objects.filter(pk__in=page_ids).filter(hidden_pages_q(request.user)).exists():
        raise Http404


# The URL keywords by which Wagtail's admin views and the apps' own name a page (page_pk:
# the removal of a workflow from a page). disclosure/moderation/tests/test_walls_by_id.py
# fails on an admin URL keyword ending in id or pk that is neither here nor said to name
# something else.
PAGE_KEYWORDS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# Keywords naming an object of the model the URL names by (app_label, model_name): a page when
# that is a page model (the editing sessions' ping).
OBJECT_KEYWORDS = {"object_id": ("app_label", "model_name")}


def _names_a_page_model(app_label, model_name):
    """Whether (app_label, model_name) names Page or one of its models (get_page_models()
    counts Page itself)."""
    return any(
        (model._meta.app_label, model._meta.model_name) == (app_label, model_name)
        for model in get_page_models()
    )


def _pages_named(request, kwargs):
    names = [kwargs[keyword] for keyword in PAGE_KEYWORDS if keyword in kwargs]
    for keyword, (app_label, model_name) in OBJECT_KEYWORDS.items():
        named = str(kwargs.get(keyword, ""))
        if named.isdigit() and _names_a_page_model(kwargs.get(app_label), kwargs.get(model_name)):
            names.append(int(named))
    match = request.resolver_match
    if match is not None and match.namespace == "wagtailadmin_pages" and "pk" in kwargs:
        names.append(kwargs["pk"])
    return names


def walled_by_page_id(view):
    """Wraps each admin view: one that names a page of another organisation by id answers 404
    before it runs, whatever it would show (editor, preview, history, workflow preview with
    its error naming the draft, …). Site administrators stand outside the walls. A signed-out
    request goes on to the view, which sends it to the login page (a 404 would lose an editor's
    save sent after her session ended, and a link to the editor would look dead)."""

    @wraps(view)
    def walled_view(request, *args, **kwargs):
        page_ids = _pages_named(request, kwargs)
        if (
            page_ids
            and request.user.is_authenticated
            and not sees_every_organisation(request.user)
            and Page.objects.filter(pk__in=page_ids)
            .filter(other_organisations_pages_q(request.user))
            .exists()
        ):
            raise Http404
        return view(request, *args, **kwargs)

    return walled_view


def walled_admin_urls(patterns):
    """Wagtail's admin URL patterns (hooks' included), each view behind walled_by_page_id."""
    return decorate_urlpatterns(list(patterns), walled_by_page_id)


class OtherOrganisations:
    """Which pages are another organisation's than `user`'s, read once (the roots' paths, two
    queries) and then asked of each page in memory: the chooser asks it of every row it
    lists."""

    def __init__(self, user):
        self.everyone = sees_every_organisation(user)
        if self.everyone:
            return
        self.roots = tuple(DisclosureIndexPage.objects.values_list("path", flat=True))
        self.own = tuple(organisation_roots_of_user(user).values_list("path", flat=True))

    def owns_not(self, page):
        """Whether `page` lies under another organisation's root (never for a site
        administrator, nor for a page under no root)."""
        return not self.everyone and below_any(page, self.roots) and not below_any(page, self.own)

    def show_live_title(self, page):
        """Another organisation's page is named by its live title: Wagtail's admin shows the
        latest draft's title, an unreviewed text of that organisation. (A live page's row
        keeps its live title; the draft title lives beside it.)"""
        if page is not None and self.owns_not(page):
            page.draft_title = page.title
        return page


class _LiveTitlePageTitleColumn(chooser.PageTitleColumn):
    def __init__(self, *args, other_organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.other_organisations = other_organisations

    def get_cell_context_data(self, instance, parent_context):
        self.other_organisations.show_live_title(instance)
        return super().get_cell_context_data(instance, parent_context)


class _LiveTitleParentPageColumn(chooser.ParentPageColumn):
    def __init__(self, *args, other_organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.other_organisations = other_organisations

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        self.other_organisations.show_live_title(context["value"])
        return context


class _LiveTitles:
    """The chooser's title columns name other organisations' pages by their live titles:
    Wagtail's columns, the two title columns built again as ours with the same name and
    label (the override record in moderation/overrides.py fingerprints Wagtail's lists)."""

    @cached_property
    def other_organisations(self):
        return OtherOrganisations(self.request.user)

    @property
    def columns(self):
        return [self._ours(column) for column in super().columns]

    def _ours(self, column):
        others = self.other_organisations
        if type(column) is chooser.PageTitleColumn:
            return _LiveTitlePageTitleColumn(
                column.name,
                label=column.label,
                is_multiple_choice=column.is_multiple_choice,
                other_organisations=others,
            )
        if type(column) is chooser.ParentPageColumn:
            return _LiveTitleParentPageColumn(
                column.name, label=column.label, other_organisations=others
            )
        return column


class _BrowseView(_LiveTitles, chooser.BrowseView):
    pass


class _SearchView(_LiveTitles, chooser.SearchView):
    pass


class _ChosenMultipleView(chooser.ChosenMultipleView):
    def render_chosen_response(self, result):
        others = OtherOrganisations(self.request.user)
        pages = Page.objects.in_bulk([item["id"] for item in result])
        for item in result:
            page = others.show_live_title(pages[item["id"]])
            item["adminTitle"] = page.get_admin_display_title()
        return super().render_chosen_response(result)


_browse = _BrowseView.as_view()
_chosen_multiple = _ChosenMultipleView.as_view()


def browse(request, parent_page_id=None):
    """The chooser names the page it browses: only one the user may see."""
    if parent_page_id is not None:
        _refuse_hidden(request, [parent_page_id])
    return _browse(request, parent_page_id=parent_page_id)


def chosen_multiple(request):
    """Answers with the title of every id asked for: only pages the user may see."""
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    _refuse_hidden(request, ids)
    return _chosen_multiple(request)


def bulk_action(request, app_label, model_name, action):
    """Every page bulk action of the registry, confirmation page and execution alike, gets only
    the ids of pages of the user's organisations (and of pages of none); another
    organisation's page is neither listed nor acted on. With nothing left: 404."""
    if not _names_a_page_model(app_label, model_name):
        return bulk_action_index(request, app_label, model_name, action)
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    ids = request.GET.getlist("id")
    if "all" in ids:
        parent_id = request.GET.get("childOf")
        instance = action_class(request, Page)
        ids = list(instance.get_all_objects_in_listing_query(parent_id))
    ids = [int(pk) for pk in ids if str(pk).isdigit()]
    allowed = list(
        Page.objects.filter(pk__in=ids)
        .exclude(other_organisations_pages_q(request.user))
        .values_list("pk", flat=True)
    )
    if not allowed:
        raise Http404
    query = request.GET.copy()
    query.setlist("id", [str(pk) for pk in allowed])
    request.GET = query
    return bulk_action_index(request, app_label, model_name, action)


class SiteAdministratorsPageTypesUsageReportView(PageTypesUsageReportView):
    """The report names the last-edited page of each type across the whole site."""

    def dispatch(self, request, *args, **kwargs):
        if not sees_every_organisation(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrganisationTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report names each translated page's title, every
    organisation's (restricted pages' too): staff see their own organisation's pages'
    translations, site administrators all (snippets are site-wide objects)."""

    def get_queryset(self):
        translations = super().get_queryset()
        if sees_every_organisation(self.request.user):
            return translations
        own_pages = Page.objects.filter(within_organisation(self.request.user))
        return translations.filter(source__object_id__in=own_pages.values("translation_key"))


def _admin(view):
    from wagtail.admin.auth import require_admin_access

    return require_admin_access(view)


# Placed before Wagtail's admin URLs (gongkai/urls.py): the same addresses, walled.
urlpatterns = [
    path("choose-page/", _admin(browse)),
    path("choose-page/<int:parent_page_id>/", _admin(browse)),
    path("choose-page/search/", _admin(_SearchView.as_view())),
    path("choose-page/chosen-multiple/", _admin(chosen_multiple)),
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", _admin(bulk_action)),
    path(
        "reports/page-types-usage/",
        _admin(SiteAdministratorsPageTypesUsageReportView.as_view()),
    ),
    path(
        "reports/page-types-usage/results/",
        _admin(SiteAdministratorsPageTypesUsageReportView.as_view(results_only=True)),
    ),
    path("localize/reports/translations/", _admin(OrganisationTranslationsReportView.as_view())),
    path(
        "localize/reports/translations/results/",
        _admin(OrganisationTranslationsReportView.as_view(results_only=True)),
    ),
]
