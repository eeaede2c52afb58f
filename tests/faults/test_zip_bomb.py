"""Fault: a DOCX of ~1 MB that inflates to 1 GB, uploaded and linked by an editor, then
submitted for review, with a real Celery worker.

What must hold: no 5xx; the web process (this test process, serving through Django's test
client) does not grow by more than ~50 MB, because it never reads an attachment; nor does the
worker, which reads it in a child process; the worker survives and marks the attachment refused
with its reason; an attachment uploaded afterwards is
read normally."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.tests.helpers import edit_form_data, fresh
from disclosure.moderation.tests.offices import build_office
from gongkai.celery import app as celery_app
from search.models import AttachmentText, ExtractionStatus
from tests.bombs import MIB, docx_bomb, docx_bytes
from tests.processes import wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RSS_GROWTH_LIMIT_KB = 50 * 1024
EXTRACTION_TIMEOUT = 180


def peak_rss_kb():
    """This process's peak resident size (VmHWM), from /proc."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc/self/status")


def reset_peak_rss():
    """Make VmHWM start again from the current RSS (Linux clear_refs, value 5)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def worker_peak_rss_kb(hostname):
    """The worker's own peak RSS, as it reports it (its extraction children are not counted:
    they are separate processes under their own ceiling)."""
    stats = celery_app.control.inspect(destination=[hostname], timeout=5).stats()
    assert stats and hostname in stats, "the worker did not answer"
    return int(stats[hostname]["rusage"]["maxrss"])


def upload(client, title, name, data):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.get(title=title)


def attachment_state(document):
    return AttachmentText.objects.filter(document=document).first()


def wait_until_read(document):
    return wait_for(
        lambda: (
            (row := attachment_state(document)) and row.status != ExtractionStatus.PENDING and row
        ),
        EXTRACTION_TIMEOUT,
        f"the worker did not read {document.title}",
    )


def submit(client, page):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, title=page.title, **{"action-submit": "1"}),
    )
    assert response.status_code < 500
    return response


def test_a_docx_bomb_is_refused_in_the_worker_and_the_web_process_stays_small(
    client,
    celery_worker,
):
    office = build_office()
    editor = office["users"]["editor"]
    client.force_login(editor)
    bomb_bytes = docx_bomb(1024 * MIB, text="附件正文")
    assert len(bomb_bytes) < 2 * MIB
    page = DisclosureDocumentPageFactory(
        parent=office["columns"][0],
        title="关于低保标准的通知",
        slug="dibao-notice",
        live=False,
        owner=editor,
        body=[],
    )

    worker_before = worker_peak_rss_kb(celery_worker)
    reset_peak_rss()
    before = peak_rss_kb()
    bomb = upload(client, "低保名单", "dibao.docx", bomb_bytes)
    page.body = [
        ("paragraph", RichText("<p>见附件。</p>")),
        ("attachment", {"document": bomb, "title": ""}),
    ]
    submit(client, page)  # at once: the text may still be pending, the request must not wait
    refused = wait_until_read(bomb)
    submit(client, fresh(page))  # once refused: the review may go on, reviewers read it
    assert client.get(reverse("moderation:sensitive_scan", args=[page.pk])).status_code == 200
    assert client.get("/search/", {"q": "低保"}).status_code == 200
    growth = peak_rss_kb() - before

    assert growth < RSS_GROWTH_LIMIT_KB, f"the web process grew by {growth // 1024} MB"
    assert refused.status == ExtractionStatus.REFUSED
    assert "疑似压缩炸弹" in refused.error, refused.error
    assert fresh(page).workflow_in_progress
    assert celery_app.control.ping(destination=[celery_worker], timeout=5), "the worker died"
    worker_growth = worker_peak_rss_kb(celery_worker) - worker_before
    assert worker_growth < RSS_GROWTH_LIMIT_KB, f"the worker grew by {worker_growth // 1024} MB"

    normal = upload(client, "申请须知", "notice.docx", docx_bytes("低保申请须知：请携带身份证"))
    read = wait_until_read(normal)
    assert read.status == ExtractionStatus.DONE, read.error
    assert "请携带身份证" in read.text
