"""附件 on the item types whose own fields have no place for a file: 办事指南, 机构职能,
便民服务事项清单 and the annual report. Each carries titled attachments, lists them in the
metadata area with type and size, and gives a file to the public only while a live page's live
content links it (the rule of disclosure.moderation.files.attachments, unchanged)."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from disclosure.catalogue.models import (
    OrganisationFunctionPage,
    ServiceGuidePage,
    ServiceItemListPage,
)
from disclosure.catalogue.models.attached import AttachedFilesMixin
from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from search.models import AttachmentText
from tests.factories import publish_fixture as publish
from tests.factories import publishing_as_fixture

pytestmark = pytest.mark.django_db


def new_document(title, size=2048):
    content = b"%PDF-1.4 " + b"x" * (size - 9)
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name="attachment.pdf")
    )


def attachments(*documents):
    return [("attachment", {"document": d, "title": f"{d.title}（表格下载）"}) for d in documents]


def guide(parent, documents):
    return ServiceGuidePage(
        title="农村低保申请办事指南", item_name="最低生活保障申请", attachments=documents
    )


def functions(parent, documents):
    return OrganisationFunctionPage(
        title="友谊镇机构职能", functions="<p>负责本镇行政事务。</p>", attachments=documents
    )


def service_list(parent, documents):
    return ServiceItemListPage(title="便民服务事项清单", attachments=documents)


def annual_report(parent, documents):
    return AnnualReportPage(
        title="2023年政府信息公开工作年度报告", year=2023, attachments=documents
    )


BUILDERS = {
    ServiceGuidePage: guide,
    OrganisationFunctionPage: functions,
    ServiceItemListPage: service_list,
    AnnualReportPage: annual_report,
}


def test_every_page_type_with_a_list_of_attachments_is_tested_here():
    with_list = {
        model
        for model in apps.get_models()
        if issubclass(model, AttachedFilesMixin) and issubclass(model, Page)
    }
    assert with_list == set(BUILDERS)


@pytest.fixture
def parent_of(category, disclosure_root):
    def parent(model):
        if model is not AnnualReportPage:
            return category
        index = AnnualReportIndexPage(title="年度报告", slug="reports")
        disclosure_root.add_child(instance=index)
        return publish(index)

    return parent


def draft(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture(params=list(BUILDERS), ids=lambda model: model.__name__)
def model(request):
    return request.param


def test_an_attachment_is_listed_in_the_metadata_area_with_its_type_and_size(
    client, model, parent_of
):
    parent = parent_of(model)
    form = new_document("低保申请表", size=3 * 1024)
    page = draft(parent, BUILDERS[model](parent, attachments(form)))
    publish(page)

    html = client.get(page.url).content.decode()
    assert "附件" in html
    listing = html.split('class="attachment-list"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{form.url}"' in listing
    assert "低保申请表（表格下载）" in listing
    assert "（PDF，3.0\xa0KB）" in listing


def test_the_file_is_served_only_once_a_live_page_links_it(client, model, parent_of):
    parent = parent_of(model)
    form, annex = new_document("申请表"), new_document("补充材料")
    page = draft(parent, BUILDERS[model](parent, attachments(form)))
    assert client.get(form.url).status_code == 404  # linked only from a draft

    publish(page)
    response = client.get(form.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")

    # The next version adds a file: until it is published, the live content does not link it.
    page.attachments = attachments(form, annex)
    page.save_revision()
    assert client.get(annex.url).status_code == 404
    assert client.get(form.url).status_code == 200

    with publishing_as_fixture():
        page.get_latest_revision().publish()
    assert client.get(annex.url).status_code == 200

    page.unpublish()
    assert client.get(form.url).status_code == 404


def test_the_text_of_an_attachment_is_found_by_search_only_while_the_page_is_live(model, parent_of):
    parent = parent_of(model)
    form = new_document("申请表")
    AttachmentText.objects.update_or_create(
        document=form, defaults={"text": "耕地地力保护补贴申请"}
    )
    page = draft(parent, BUILDERS[model](parent, attachments(form)))

    def found():
        return [p.pk for p in Page.objects.live().public().search("耕地地力保护补贴")]

    assert page.pk not in found()
    publish(page)
    assert found() == [page.pk]


def test_the_editor_form_has_the_attachment_list(admin_client, model, parent_of):
    parent = parent_of(model)
    page = draft(parent, BUILDERS[model](parent, []))
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert '"fieldName": "attachments"' in html
