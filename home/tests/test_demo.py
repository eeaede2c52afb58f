import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from disclosure.catalogue.models import (
    ITEM_PAGE_TYPES,
    CategoryPage,
    DisclosureIndexPage,
    Organisation,
    PublicationDateSource,
)
from home.demo import load_demo
from home.models import HomePage, SiteFooterSettings
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE


def test_demo_builds_the_township_site(demo):
    township = Organisation.objects.get(name="友谊县友谊镇人民政府")
    assert township.address == "友谊县站前街137号"
    assert township.postcode == "155800"
    assert township.phone == "0469-5818672"
    assert Organisation.objects.count() >= 2  # the county office shows the separation

    home = HomePage.objects.get()
    assert home.organisation == township
    root = DisclosureIndexPage.objects.get(organisation=township)
    titles = set(CategoryPage.objects.child_of(root).values_list("title", flat=True))
    assert {"机构职能", "预算决算", "办事指南", "便民服务事项清单"} <= titles
    assert not Page.objects.filter(depth__gt=1, live=False).exists()


def test_demo_accounts_are_in_their_roles(demo):
    User = get_user_model()
    expected = {
        "editor": "信息员",
        "reviewer": "初审",
        "secrecy": "保密审查",
        "leader": "分管领导",
        "admin": "管理员",
    }
    for username, group in expected.items():
        user = User.objects.get(username=username)
        assert user.groups.filter(name=group).exists(), username
        assert user.check_password(demo)
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.get(username="editor").is_superuser


def test_demo_loads_only_once(demo):
    pages = Page.objects.count()
    assert load_demo(password="other") is False
    assert Page.objects.count() == pages
    assert get_user_model().objects.get(username="editor").check_password(demo)


def test_home_page_shows_organisation_entry_points_and_footer(client, demo):
    html = client.get("/").content.decode()
    assert "友谊县友谊镇人民政府" in html
    assert "友谊县站前街137号" in html
    assert "0469-5818672" in html
    for column in ("机构职能", "预算决算", "办事指南", "便民服务事项清单"):
        assert column in html
    assert "主办单位" in html
    for placeholder in ("ICP 备案号", "公安备案号", "政府网站标识码"):
        assert placeholder in html


def test_footer_identifiers_come_from_site_settings(client, demo):
    from wagtail.models import Site

    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.icp_number = "黑ICP备12345678号"
    footer.site_id_code = "2306000001"
    footer.identifiers_are_samples = False  # real numbers replace the demo's samples
    footer.save()
    html = client.get("/").content.decode()
    assert "黑ICP备12345678号" in html
    assert '<meta name="SiteIDCode" content="2306000001">' in html


def test_site_id_code_must_be_ten_digits(db):
    from django.core.exceptions import ValidationError

    from home.models import site_id_code_validator

    site_id_code_validator("2306000001")
    with pytest.raises(ValidationError):
        site_id_code_validator("23060")


def test_admin_speaks_chinese(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "登录政府信息公开平台" in html
    assert "<title>登录 - 政府信息公开平台</title>" in html


def test_the_handler_account_handles_the_townships_register(demo, client):
    from disclosure.applications.models import Application
    from disclosure.applications.roles import APPLICATION_HANDLERS_GROUP, handled_organisation_ids
    from disclosure.catalogue.staff_roles import organisation_of

    township = Organisation.objects.get(name="友谊县友谊镇人民政府")
    handler = get_user_model().objects.get(username="handler")
    assert handler.check_password(demo) and not handler.is_superuser
    assert handler.groups.filter(pk=township.application_handlers.group_id).exists()
    assert handler.groups.filter(name=APPLICATION_HANDLERS_GROUP).exists()
    assert handled_organisation_ids(handler) == {township.pk}
    assert organisation_of(handler) == township

    client.force_login(handler)
    register = client.get("/admin/applications_application/")
    assert register.status_code == 200
    application = Application.objects.filter(organisation=township).first()
    assert application.tracking_number in register.content.decode()
    assert client.get(f"/admin/applications_application/edit/{application.pk}/").status_code == 200


def test_every_backdated_demo_item_says_its_date_is_the_demos(demo):
    """The inspection's faked-date check accepts the demo's dates because they say so."""
    for label in ITEM_PAGE_TYPES:
        for item in apps.get_model(label).objects.live():
            first = timezone.localdate(item.first_published_at)
            assert item.published_on == first, item.title
            if item.published_on < timezone.localdate():
                assert item.published_on_source == PublicationDateSource.DEMO, item.title


def _download(client, link):
    response = client.get(link)
    assert response.status_code == 200, link
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_demo_items_carry_real_attachments_a_visitor_can_download(client, demo):
    import io
    import re
    import zipfile

    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from disclosure.catalogue.models import PolicyDocumentPage, ServiceGuidePage

    plan = PolicyDocumentPage.objects.get(title="友谊镇生活垃圾分类工作实施方案")
    guide = ServiceGuidePage.objects.get(slug="old-housing")
    found = {}
    for page in (plan, guide):
        html = client.get(page.url).text
        # The list a visitor sees: the name, the type and the size of each file.
        for link, kind in re.findall(
            r'href="(/documents/[^"]+)"[^<]*</a>(?:<span[^>]*>)?（(\w+)，[\d.]+', html
        ):
            found[kind] = _download(client, link)
    assert set(found) == {"PDF", "DOCX", "XLSX"}
    pdf_text = PdfReader(io.BytesIO(found["PDF"])).pages[0].extract_text()
    assert "生活垃圾分类" in pdf_text and "友政发〔2022〕3号" in pdf_text
    form = Document(io.BytesIO(found["DOCX"]))
    assert "老旧小区改造意见登记表" in form.paragraphs[0].text
    assert zipfile.ZipFile(io.BytesIO(found["XLSX"])).testzip() is None
    sheet = load_workbook(io.BytesIO(found["XLSX"])).active
    assert sheet["A1"].value == "小区名称"


def test_the_sitemap_dates_backdated_pages_by_their_publication_not_the_load(client, demo):
    import xml.etree.ElementTree as ET

    from disclosure.catalogue.models import PolicyDocumentPage
    from disclosure.reports.models import AnnualReportPage

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in sitemap}
    report = AnnualReportPage.objects.get(year=2022)
    plan = PolicyDocumentPage.objects.get(title="友谊镇生活垃圾分类工作实施方案")
    assert lastmod[report.get_full_url()].startswith("2023-01-18")
    assert lastmod[plan.get_full_url()].startswith("2022-03-05")
    # Pages the demo made on the day it was loaded keep that day.
    home = HomePage.objects.get()
    loaded = timezone.localtime(home.last_published_at)
    assert lastmod[home.get_full_url()].startswith(f"{loaded:%Y-%m-%d}")
    assert home.last_published_at.date() >= timezone.now().date() - datetime.timedelta(days=1)


def test_the_footer_gives_the_postcode_in_one_translatable_phrase(client, demo):
    html = client.get("/").content.decode()
    assert "友谊县站前街137号（邮编：155800）" in html


def test_the_manager_account_administers_the_township_only(demo, client):
    """The demo's organisation 管理员: the township's own 管理员 group, not the site-wide one
    (that would make a site administrator, outside the walls)."""
    from disclosure.catalogue.staff_roles import holds_role, organisation_of
    from gongkai.accounts.administrators import is_site_administrator
    from gongkai.accounts.roles import Role

    township = Organisation.objects.get(name="友谊县友谊镇人民政府")
    manager = get_user_model().objects.get(username="manager")
    assert manager.check_password(demo) and not manager.is_superuser
    assert not is_site_administrator(manager)
    assert holds_role(manager, township.pk, Role.ADMINISTRATORS)
    assert organisation_of(manager) == township

    client.force_login(manager)
    users = client.get("/admin/users/")
    assert users.status_code == 200
    assert "editor" in users.content.decode()
