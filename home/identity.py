"""Whose name a public page carries in its banner, `<title>` and footer.

One site may serve several offices (a township and the county government's office, each with
its disclosure root under the one home page). The site's footer settings (页脚与备案信息) speak
for the organisation they name as 主办单位, which is also the home page's 主办机构; a page in
another organisation's section carries that organisation's name and contacts instead, so that
a citizen does not read the county office as part of the township. The registration numbers
(ICP 备案号, 公安备案号, 政府网站标识码) are the website's, whoever's page it serves, and stay.

The section is the one the page's navigation was built for (home/portal_nav.py, computed once
per request), so telling which organisation a page belongs to costs nothing more; only a
section whose organisation is not the one the settings name asks one query (is it the home
page's organisation under another spelling?).
"""

from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from disclosure.catalogue.models import Organisation

from .models import HomePage, SiteFooterSettings
from .portal_nav import portal_nav

_CACHE_ATTR = "_gongkai_identity"

# Where each identifier is checked: the MIIT and public-security registries, the national
# error-report desk of government websites (our 政府网站标识码 names the site there) and the
# registration of the 党政机关网站 mark (开办者标识) at conac.cn.
ICP_REGISTRY = "https://beian.miit.gov.cn/"
PUBLIC_SECURITY_REGISTRY = "https://beian.mps.gov.cn/#/query/webSearch?"
ERROR_REPORT_DESK = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?"
CONAC_REGISTRY = "https://bszs.conac.cn/sitename?"


@dataclass(frozen=True)
class Registration:
    """One identifier in the footer: a number (`label`: `text`) or an entry (`text` alone,
    `is_entry`: 我为政府网站找错, the 党政机关网站 mark), opening `url` where there is one."""

    key: str
    label: str
    text: str
    url: str = ""
    is_entry: bool = False


@dataclass(frozen=True)
class Identity:
    sponsor: str = ""
    organiser: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    icp_number: str = ""
    public_security_number: str = ""
    site_id_code: str = ""
    conac_id: str = ""
    identifiers_are_samples: bool = False
    # The English of the organiser and the address, shown on /en/ pages (blank: the Chinese).
    organiser_en: str = ""
    address_en: str = ""
    # Where the banner leads: the home page, or the organisation's own section.
    home_url: str = "/"

    @property
    def public_security_code(self):
        """The digits of the 公安备案号 (“黑公网安备 23052202000123号”), which the public security
        registry's query page takes."""
        return "".join(
            character for character in self.public_security_number if character.isdigit()
        )

    @property
    def registrations(self):
        """The footer's identifiers in the order sites show them. Sample values (a demo's)
        link nowhere: a made-up number must not open a registry as if it were registered."""
        found = []

        def add(key, label, text, url, is_entry=False):
            url = "" if self.identifiers_are_samples else url
            found.append(Registration(key, label, text, url, is_entry))

        if self.icp_number:
            add("icp", _("ICP 备案号"), self.icp_number, ICP_REGISTRY)
        if self.public_security_number:
            code = self.public_security_code
            url = PUBLIC_SECURITY_REGISTRY + urlencode({"code": code}) if code else ""
            add("public-security", _("公安备案号"), self.public_security_number, url)
        if self.site_id_code:
            add("site-id", _("政府网站标识码"), self.site_id_code, "")
            url = ERROR_REPORT_DESK + urlencode({"site_code": self.site_id_code})
            add("error-report", "", _("我为政府网站找错"), url, is_entry=True)
        if self.conac_id:
            url = CONAC_REGISTRY + urlencode({"method": "show", "id": self.conac_id})
            add("conac", "", _("党政机关网站"), url, is_entry=True)
        return found

    @property
    def numbers(self):
        return [found for found in self.registrations if not found.is_entry]

    @property
    def entries(self):
        return [found for found in self.registrations if found.is_entry]

    @property
    def site_map_url(self):
        """The HTML 网站地图 in the language being read (home/site_map.py)."""
        return reverse("site_map")

    @classmethod
    def of_site(cls, settings):
        names = [field.name for field in fields(cls) if field.name != "home_url"]
        return cls(**{name: getattr(settings, name) for name in names})

    def of_organisation(self, organisation, home_url):
        return Identity(
            sponsor=organisation.name,
            address=organisation.address,
            address_en=organisation.address_en,
            postcode=organisation.postcode,
            phone=organisation.phone,
            email=organisation.email,
            icp_number=self.icp_number,
            public_security_number=self.public_security_number,
            site_id_code=self.site_id_code,
            conac_id=self.conac_id,
            identifiers_are_samples=self.identifiers_are_samples,
            home_url=home_url,
        )


def _section_root(request, page):
    """The disclosure root the page is in (or is), or None for pages outside every section
    (the home page, search, the application form: their navigation shows the site's root)."""
    if page is None or not page.path:
        return None
    nav = portal_nav(request, page)
    if nav is None or not page.path.startswith(nav.root.path):
        return None
    return nav.root


def _is_site_organisation(root, site_identity):
    organisation = root.organisation
    if organisation is None or organisation.name == site_identity.sponsor:
        return True
    home_path = root.path[: -Page.steplen]
    home_organisation = (
        HomePage.objects.filter(path=home_path).values_list("organisation_id", flat=True).first()
    )
    return home_organisation == organisation.pk


def page_identity(request, page=None):
    """The identity the page shows, computed once per request and page."""
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is not None and cached[0] is page:
        return cached[1]
    # A host that names no site (and no default site to fall back on) has no settings: its
    # "not found" page carries no one's name.
    if Site.find_for_request(request) is None:
        site_identity = Identity()
    else:
        site_identity = Identity.of_site(SiteFooterSettings.for_request(request))
    identity = site_identity
    root = _section_root(request, page)
    if root is not None and not _is_site_organisation(root, site_identity):
        identity = site_identity.of_organisation(root.organisation, root.get_url(request))
    identity = _in_page_language(identity)
    setattr(request, _CACHE_ATTR, (page, identity))
    return identity


def _in_page_language(identity):
    """On English pages the organiser and the address are their English versions where given,
    and the sponsor is the organisation's English name where it has one. The site's settings
    name the sponsor in Chinese (the name other pages compare with): the organisation of that
    name gives the English one, one query on English pages only."""
    if not (translation.get_language() or "").startswith("en"):
        return identity
    identity = replace(
        identity,
        organiser=identity.organiser_en or identity.organiser,
        address=identity.address_en or identity.address,
    )
    if not identity.sponsor:
        return identity
    name_en = (
        Organisation.objects.filter(name=identity.sponsor).values_list("name_en", flat=True).first()
    )
    return replace(identity, sponsor=name_en) if name_en else identity
