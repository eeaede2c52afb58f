"""The sensitive-word scan: the administrators' list (`SensitiveWord`) run over an item's title,
its text fields, every StreamField's text and the text of its attachments.

Submission runs it (an error-level hit blocks submission, see `submission.py`); reviewers see
the hits highlighted on the review screen (`views.sensitive_scan_view`).

Attachment text is the text the Celery worker stored (`search.models.AttachmentText`): a web
request never opens an attachment. An attachment whose text is still pending holds submission
back until it is read (`pending_attachments`); one that could not be read is named to reviewers
(`unreadable_attachments`), who read it themselves.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from search.attachments import can_read
from search.models import AttachmentText, ExtractionStatus

from ..models import SensitiveWord, SensitiveWordLevel

EXCERPT_CONTEXT = 15  # characters shown either side of a hit

# A Wagtail hook for apps above this one that keep lists of their own (disclosure/inspection's
# serious misstatements): each function registered returns entries shaped like SensitiveWord
# (pattern, category, level, note, compiled()), and every scan reads them with the list.
SENSITIVE_WORD_LISTS = "sensitive_word_lists"


def all_words():
    """The administrators' list and every list registered on SENSITIVE_WORD_LISTS."""
    words = list(SensitiveWord.objects.all())
    for more in hooks.get_hooks(SENSITIVE_WORD_LISTS):
        words.extend(more())
    return words


@dataclass(frozen=True)
class Hit:
    pattern: str
    category: str
    level: str
    where: str
    matched: str
    excerpt: str

    @property
    def blocks_submission(self):
        return self.level == SensitiveWordLevel.ERROR


def _own_fields(page):
    """Fields the item type declares (Page's own bookkeeping fields left out, title kept)."""
    page_fields = {field.name for field in Page._meta.concrete_fields}
    return [f for f in page._meta.concrete_fields if f.name not in page_fields]


def _linked_documents(page):
    """The documents referenced from the item's StreamFields, in id order."""
    ids = set()
    for field in _own_fields(page):
        value = getattr(page, field.attname, None)
        if value and isinstance(field, StreamField):
            references = field.stream_block.extract_references(value)
            ids.update(
                object_id
                for model, object_id, _path, _content_path in references
                if issubclass(model, get_document_model())
            )
    return list(get_document_model().objects.filter(pk__in=ids).order_by("pk"))


def _stored_texts(documents):
    """{document id: AttachmentText} for readable documents; a readable one missing here has
    never been marked (saved before extraction existed) and counts as pending."""
    return {
        stored.document_id: stored
        for stored in AttachmentText.objects.filter(document__in=documents).only(
            "document_id", "status", "text", "error"
        )
    }


def page_texts(page):
    """(where, text) for everything the public would read on the item, attachments included."""
    yield str(_("标题")), page.title
    for field in _own_fields(page):
        value = getattr(page, field.attname, None)
        if not value:
            continue
        label = str(field.verbose_name)
        if isinstance(field, StreamField):
            block = field.stream_block
            yield label, "\n".join(str(text) for text in block.get_searchable_content(value))
        elif isinstance(field, RichTextField):
            yield label, strip_tags(value)
        elif isinstance(field, models.CharField | models.TextField) and not field.choices:
            yield label, str(value)
    documents = _linked_documents(page)
    stored = _stored_texts(documents)
    for document in documents:
        row = stored.get(document.pk)
        if row is not None and row.status == ExtractionStatus.DONE:
            yield _("附件“%(title)s”") % {"title": document.title}, row.text


def pending_attachments(page):
    """Linked attachments whose text the worker has not read yet."""
    documents = [doc for doc in _linked_documents(page) if can_read(doc.file.name)]
    stored = _stored_texts(documents)
    return [
        doc
        for doc in documents
        if doc.pk not in stored or stored[doc.pk].status == ExtractionStatus.PENDING
    ]


def unreadable_attachments(page):
    """(document, reason) for linked attachments whose text was refused (too large, damaged)."""
    documents = _linked_documents(page)
    stored = _stored_texts(documents)
    return [
        (doc, stored[doc.pk].error)
        for doc in documents
        if doc.pk in stored and stored[doc.pk].status == ExtractionStatus.REFUSED
    ]


def _excerpt(text, start, end):
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    return f"…{before}【{text[start:end]}】{after}…"


def scan(page, words=None, cut_off=None):
    """Every hit of the list in the page, errors first. When `cut_off` is a list, each
    (pattern, where) a pattern was cut off in (gongkai/bounded_patterns.py) is appended to
    it: that text was not checked for it."""
    words = all_words() if words is None else words
    compiled = [(word, word.compiled()) for word in words]
    hits = []
    for where, text in page_texts(page):
        for word, regex in compiled:
            on_timeout = None
            if cut_off is not None:

                def on_timeout(pattern=word.pattern, where=where):
                    cut_off.append((pattern, str(where)))

            for match in regex.finditer(text, on_timeout=on_timeout):
                hits.append(
                    Hit(
                        pattern=word.pattern,
                        category=word.category,
                        level=word.level,
                        where=str(where),
                        matched=match.group(0),
                        excerpt=_excerpt(text, match.start(), match.end()),
                    )
                )
    return sorted(hits, key=lambda hit: not hit.blocks_submission)


def describe_hits(hits):
    """The Chinese list shown when submission is blocked."""
    return "；".join(
        _("“%(matched)s”（%(category)s，见%(where)s）")
        % {"matched": hit.matched, "category": hit.category, "where": hit.where}
        for hit in hits
    )


def highlighted(text, words):
    """`text` as HTML with every match of `words` in <mark>."""
    spans = sorted(
        (match.start(), match.end(), word.level)
        for word in words
        for match in word.compiled().finditer(text)
    )
    parts, position = [], 0
    for start, end, level in spans:
        if start < position:  # overlapping matches: the first one is marked
            continue
        parts.append(escape(text[position:start]))
        marked = escape(text[start:end])
        if level == SensitiveWordLevel.ERROR:
            marked = f"<strong>{marked}</strong>"
        parts.append(f'<mark class="sensitive-{level}">{marked}</mark>')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))


def mentions_any(text, words=None):
    """Whether any entry of the list, of either level, occurs in `text` (e.g. a search offered
    to the public as a suggestion)."""
    words = all_words() if words is None else words
    return any(word.compiled().search(text) for word in words)
