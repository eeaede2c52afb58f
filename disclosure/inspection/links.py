"""Links in live pages (链接可用性) and attachments that cannot be served.

Internal links are what Wagtail's reference index records of a page's live content: rich-text
links, chooser blocks and foreign keys to pages and documents. A linked page that is gone or
not live is a broken link; a linked document that is gone or whose file is missing from storage
cannot be downloaded. External addresses are read from the page's text and fields; their status
is the last check of the Celery task (tasks.check_external_links), which runs only when
GONGKAI_INSPECTION_EXTERNAL_LINKS is on, since many offices' networks are closed."""

import json
import re
from collections import defaultdict
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Page

from disclosure.catalogue import visibility
from gongkai.content_references import base_content_type, references_from_pages

from .models import ExternalLink, LinkState
from .results import Finding

URL = re.compile(r"""https?://[^\s"'<>\\]+""")


# A rich-text link as stored: <a linktype="page" id="12">, in a StreamField's JSON too.
RICH_TEXT_LINK = re.compile(r'linktype=\\?"(page|document)\\?" id=\\?"(\d+)')
DOCUMENT_KEYS = {"document"}  # the chooser of catalogue.blocks.AttachmentBlock


def _stored_text(page):
    """Each own field of `page` as stored: a StreamField as its raw JSON, which still names a
    page or document that has been deleted since (Wagtail drops those from the reference index
    and from the field's value)."""
    page_fields = {field.name for field in Page._meta.concrete_fields}
    for field in page._meta.concrete_fields:
        if field.name in page_fields:
            continue
        value = getattr(page, field.attname, None)
        if not value:
            continue
        if isinstance(field, StreamField):
            yield field, list(value.raw_data)
        elif isinstance(value, str):
            yield field, value


def _chosen_documents(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in DOCUMENT_KEYS and isinstance(value, int):
                yield value
            else:
                yield from _chosen_documents(value)
    elif isinstance(data, list):
        for value in data:
            yield from _chosen_documents(value)


def content_references(page):
    """(Page or Document, id) for every page and document `page`'s live content links."""
    Document = get_document_model()
    found = set()
    for _field, stored in _stored_text(page):
        text = stored if isinstance(stored, str) else json.dumps(stored, ensure_ascii=False)
        for linktype, object_id in RICH_TEXT_LINK.findall(text):
            found.add((Page if linktype == "page" else Document, int(object_id)))
        if not isinstance(stored, str):
            found.update((Document, object_id) for object_id in _chosen_documents(stored))
    return found


def _references(pages):
    """{page pk: {(Page or Document, id)}}: what the stored content links, and what the
    reference index records besides (foreign keys, choosers of other blocks)."""
    Document = get_document_model()
    rows = references_from_pages(pages, [Page, Document]).values_list(
        "object_id", "to_content_type_id", "to_object_id"
    )
    page_type = base_content_type(Page)
    references = defaultdict(set)
    for object_id, to_type, to_id in rows.distinct():
        model = Page if to_type == page_type.pk else Document
        references[int(object_id)].add((model, int(to_id)))
    for page in pages.specific():
        references[page.pk].update(content_references(page))
    return references


def _file_missing(document):
    try:
        return not document.file or not document.file.storage.exists(document.file.name)
    except (OSError, ValueError):
        return True


def internal_findings(scope):
    """(broken internal links, attachments that cannot be served), each a list of findings."""
    pages = scope.live_pages()
    titles = dict(pages.values_list("pk", "title"))
    references = _references(pages)
    page_ids = {to_id for refs in references.values() for model, to_id in refs if model is Page}
    # A live page below a column taken down is a 404 for visitors (catalogue/visibility.py).
    live = set(
        visibility.reachable(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True)
    )
    Document = get_document_model()
    document_ids = {
        to_id for refs in references.values() for model, to_id in refs if model is Document
    }
    documents = Document.objects.in_bulk(document_ids)
    broken, attachments = [], []
    for page_id in sorted(references):
        for model, to_id in sorted(references[page_id], key=lambda ref: (ref[0].__name__, ref[1])):
            if model is Page and to_id not in live:
                detail = _("链接的页面（#%(id)s）不存在或未发布") % {"id": to_id}
                broken.append(
                    Finding(page_id, titles.get(page_id, ""), detail, subject=f"page:{to_id}")
                )
            elif model is Document:
                document = documents.get(to_id)
                if document is None:
                    detail = _("附件（#%(id)s）已删除，无法下载") % {"id": to_id}
                elif _file_missing(document):
                    detail = _("附件“%(title)s”的文件丢失，无法下载") % {"title": document.title}
                else:
                    continue
                attachments.append(
                    Finding(page_id, titles.get(page_id, ""), detail, subject=f"document:{to_id}")
                )
    return broken, attachments


def external_urls(page):
    """The http(s) addresses in a page's own text fields, StreamFields and URL fields."""
    urls = set()
    for _field, stored in _stored_text(page):
        text = stored if isinstance(stored, str) else json.dumps(stored, ensure_ascii=False)
        urls.update(match.rstrip(".,;)）。，") for match in URL.findall(text))
    return {url for url in urls if urlsplit(url).hostname}


def linked_external_urls(scope):
    """{url: [(page pk, title)]} over the live pages in scope."""
    found = defaultdict(list)
    for page in scope.live_pages().specific().order_by("path"):
        for url in sorted(external_urls(page)):
            found[url].append((page.pk, page.title))
    return found


def external_findings(scope):
    """Broken external links as last checked, and the numbers: how many are linked, checked."""
    found = linked_external_urls(scope)
    checks = {link.url: link for link in ExternalLink.objects.filter(url__in=list(found))}
    findings = []
    for url, pages in found.items():
        link = checks.get(url)
        if link is None or link.state != LinkState.BROKEN:
            continue
        reason = f"HTTP {link.http_status}" if link.http_status else link.error
        for page_id, title in pages:
            detail = _("外部链接 %(url)s 无法访问（%(reason)s）") % {"url": url, "reason": reason}
            findings.append(Finding(page_id, title, detail, subject=url))
    checked = sum(1 for url in found if url in checks and checks[url].state != LinkState.UNCHECKED)
    return findings, {"external": len(found), "external_checked": checked}
