"""Bulk import of an old site's documents (docs/catalogue.md, the ``import_documents`` contract).

One JSON object per line. Lines are committed in batches (batches.py), each line inside its own
savepoint: a bad line is reported with its number and reason and leaves nothing behind, and the
other lines of its batch stay.
``source_url`` makes re-running safe: a known address updates its page (or leaves it alone when
the record has not changed) instead of creating a second one.

Imported documents are the published records of an existing site, so a ``live`` record is
published as the system, outside the review workflow, with a ``catalogue.import`` log entry
naming the file and line; ``"live": false`` saves a draft that editors submit for review.
"""

import datetime
import hashlib
import html
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from disclosure.catalogue import title_slugs
from disclosure.catalogue.codes import normalise_code
from disclosure.catalogue.index_numbers import serials_in_one_transaction
from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    ImportedDocument,
    Organisation,
    PublicationDateSource,
    Validity,
)
from disclosure.catalogue.roots import deepest_root_among, pages_below_q
from gongkai.deferred_receivers import many_changes
from search.indexing import index_updates_deferred, queue_index_update

from .batches import BATCH_SIZE, Batch, OneByOne, batches
from .files import FileFolder, attach_files
from .publishing import publish_or_save
from .redirects import address_variants, normalise_address, normalise_host, redirect_old_address
from .types import (
    ITEM_TYPES,
    RecordError,
    has_text,
    image_count,
    type_for_column_title,
    type_named,
    type_values,
)


def importable_models():
    return [item_type.model for item_type in ITEM_TYPES]


VALIDITIES = {
    "有效": Validity.VALID,
    "失效": Validity.EXPIRED,
    "废止": Validity.ABOLISHED,
    # How old sites word the same three.
    "现行有效": Validity.VALID,
    "已失效": Validity.EXPIRED,
    "已废止": Validity.ABOLISHED,
    **{choice.value: choice for choice in Validity},
}
FIELD_LABELS = {
    "title": "标题",
    "body": "正文",
    "category": "栏目",
    "organisation": "公开主体",
    "published_at": "发布日期",
    "written_at": "成文日期",
    "effective_at": "实施日期",
    "abolished_at": "废止日期",
    "doc_number": "文号",
    "validity": "有效性",
    "keywords": "关键词",
    "source_url": "原网址",
    "live": "是否发布",
    "type": "页面类型",
    "kind": "文件类别",
}
# Page fields a validation error may name, back to the record's keys.
PAGE_FIELD_KEYS = {
    "title": "title",
    "body": "body",
    "published_on": "published_at",
    "written_on": "written_at",
    "effective_on": "effective_at",
    "abolished_on": "abolished_at",
    "doc_number": "doc_number",
    "validity": "validity",
    "keywords": "keywords",
}
# Documents indexed per task: a crash mid-import leaves at most this many unindexed (the
# next run does not touch unchanged records: `manage.py update_index` repairs that).
INDEX_BATCH_SIZE = 100


class LineError(Exception):
    """A line that cannot be imported; the message is the reason shown to the user."""


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)  # line numbers
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (line number, reason)
    notes: list = field(default_factory=list)  # (line number, what the editor must complete)

    @property
    def total(self):
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.skipped)


# ---------------------------------------------------------------------------------------------
# Reading one line into checked values


def parse_line(raw):
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise LineError(_("不是 UTF-8 编码的文本。")) from error
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        if text.strip() in ("{", "["):
            raise LineError(
                _("不是有效的 JSON：每行须是一个完整的 JSON 对象，文件不能是分行排版的 JSON。")
            ) from error
        near = text[max(0, error.pos - 12) : error.pos + 12].strip()
        raise LineError(
            _("不是有效的 JSON：第 %(col)d 个字符处%(what)s（附近的文字：%(near)s）。")
            % {
                "col": error.pos + 1,
                "what": json_error_in_chinese(error.msg),
                "near": near,
            }
        ) from error
    if not isinstance(record, dict):
        raise LineError(_("每行必须是一个 JSON 对象（{…}）。"))
    return record


# What json.JSONDecodeError says, for an office that does not read English.
JSON_ERRORS = {
    "Expecting ',' delimiter": gettext_noop("缺少逗号"),
    "Expecting ':' delimiter": gettext_noop("缺少冒号"),
    "Expecting value": gettext_noop("缺少值"),
    "Expecting property name enclosed in double quotes": gettext_noop("键名须用英文双引号括起"),
    "Unterminated string starting at": gettext_noop("字符串缺少结束的引号"),
    "Invalid control character at": gettext_noop("字符串中有未转义的控制字符（如换行）"),
    "Invalid \\escape": gettext_noop("有无效的反斜杠转义"),
    "Extra data": gettext_noop("对象结束后还有多余内容"),
}


def json_error_in_chinese(message):
    if message in JSON_ERRORS:
        return _(JSON_ERRORS[message])
    return _("格式错误（%(message)s）") % {"message": message}


def text_value(record, key, required=False):
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise LineError(_("缺少必填字段 %(key)s（%(label)s）。") % label_of(key))
        return ""
    if not isinstance(value, str):
        raise LineError(_("字段 %(key)s（%(label)s）必须是文本。") % label_of(key))
    return value.strip()


def date_value(record, key):
    value = text_value(record, key)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError as error:
        raise LineError(
            _("字段 %(key)s（%(label)s）不是有效日期：“%(value)s”，应为 2022-03-05 这样的格式。")
            % {**label_of(key), "value": value}
        ) from error


def keywords_value(record):
    value = record.get("keywords")
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise LineError(_('字段 keywords（关键词）必须是文本列表，例如 ["垃圾分类", "环境卫生"]。'))
    return " ".join(word.strip() for word in value if word.strip())


def validity_value(record):
    value = text_value(record, "validity")
    if not value:
        return Validity.VALID
    try:
        return VALIDITIES[value]
    except KeyError as error:
        raise LineError(
            _("字段 validity（有效性）只能是“有效”“失效”或“废止”，而不是“%(value)s”。")
            % {"value": value}
        ) from error


def live_value(record):
    value = record.get("live", True)
    if not isinstance(value, bool):
        raise LineError(_("字段 live（是否发布）必须是 true 或 false。"))
    return value


def label_of(key):
    return {"key": key, "label": FIELD_LABELS.get(key, key)}


def fingerprint(record):
    canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# Where a record goes


class Destinations:
    """Organisations and their columns, read once per import, and the old addresses its lines
    took."""

    def __init__(self):
        self.organisations = list(Organisation.objects.all())
        # Old addresses taken by earlier lines of this import: their line numbers.
        self.addresses = {}
        self._columns = {}
        self._roots = {}
        self._column_types = {}

    def organisation(self, record):
        wanted = text_value(record, "organisation")
        if not wanted:
            if len(self.organisations) == 1:
                return self.organisations[0]
            if not self.organisations:
                raise LineError(_("系统中还没有公开主体，请先在“片段 › 公开主体”中添加。"))
            raise LineError(_("系统中有多个公开主体，请用 organisation 字段写明名称或机构代码。"))
        code = normalise_code(wanted)
        for organisation in self.organisations:
            if wanted in (organisation.name, organisation.short_name) or (
                organisation.code and organisation.code == code
            ):
                return organisation
        raise LineError(_("找不到公开主体“%(name)s”（按名称或机构代码查找）。") % {"name": wanted})

    def columns(self, organisation):
        if organisation.pk not in self._columns:
            roots = list(DisclosureIndexPage.objects.filter(organisation=organisation))
            for root in roots:
                root.organisation = organisation
            by_path = {root.path: root for root in roots}
            columns = CategoryPage.objects.filter(pages_below_q(by_path))
            self._columns[organisation.pk] = list(columns)
            for column in self._columns[organisation.pk]:
                # The deepest root above the column is its items' disclosure root.
                self._roots[column.pk] = deepest_root_among(column, by_path)
        return self._columns[organisation.pk]

    def root_of(self, column):
        """The disclosure root (with its organisation) the column's new items belong to."""
        return self._roots[column.pk]

    def category(self, record, organisation):
        wanted = text_value(record, "category", required=True)
        columns = self.columns(organisation)
        matches = [column for column in columns if column.title == wanted] or [
            column for column in columns if column.slug == wanted
        ]
        if not matches:
            raise LineError(
                _("%(organisation)s的目录中没有栏目“%(name)s”（按栏目标题或 slug 查找）。")
                % {"organisation": organisation.name, "name": wanted}
            )
        if len(matches) > 1:
            raise LineError(
                _("%(organisation)s有 %(count)d 个栏目名为“%(name)s”，请改用栏目的 slug。")
                % {"organisation": organisation.name, "count": len(matches), "name": wanted}
            )
        return matches[0]

    def page_type(self, record, column):
        """The item type for a record: its `type`, or what the column holds."""
        named = text_value(record, "type")
        if not named:
            return self.column_type(column)
        model = type_named(named)
        if model is None:
            raise LineError(
                _("字段 type（页面类型）只能是 %(names)s，而不是“%(value)s”。")
                % {
                    "names": "、".join(item_type.names[0] for item_type in ITEM_TYPES),
                    "value": named,
                }
            )
        if not model.can_exist_under(column):  # the column's own type (item_type) included
            raise LineError(
                _("栏目“%(column)s”不能存放%(type)s。")
                % {"column": column.title, "type": model._meta.verbose_name}
            )
        return model

    def column_type(self, column):
        """What the column holds: the type it is limited to (栏目信息类型), else the type of its
        items when they are all of one type, else the type its title names (预算决算, 办事指南,
        机构职能, 便民服务事项清单, 规范性文件…: a new site's columns are empty), else 公开信息
        (DisclosureDocumentPage)."""
        if column.pk not in self._column_types and column.specific.item_type:
            # A column limited to one type (栏目信息类型) takes only that type.
            by_label = {model._meta.label: model for model in importable_models()}
            if column.specific.item_type not in by_label:
                raise LineError(
                    _("栏目“%(column)s”限定的信息类型不能由导入创建。") % {"column": column.title}
                )
            self._column_types[column.pk] = by_label[column.specific.item_type]
        if column.pk not in self._column_types:
            held = {
                page.specific_class
                for page in column.get_children().only("content_type").defer_streamfields()
            }
            held.discard(CategoryPage)
            held.discard(None)  # a page of a type since removed from the code
            if len(held) == 1:
                model = held.pop()
            else:
                model = type_for_column_title(column.title) or DisclosureDocumentPage
            self._column_types[column.pk] = model
        return self._column_types[column.pk]


# ---------------------------------------------------------------------------------------------
# Writing one record


def page_values(record):
    """The metadata every item type carries."""
    values = {
        "title": plain_text(text_value(record, "title", required=True)),
        "written_on": date_value(record, "written_at"),
        "effective_on": date_value(record, "effective_at"),
        "abolished_on": date_value(record, "abolished_at"),
        "doc_number": text_value(record, "doc_number"),
        "validity": validity_value(record),
        "keywords": keywords_value(record),
    }
    published_on = date_value(record, "published_at")
    if published_on and published_on > timezone.localdate():
        future = _("字段 published_at（发布日期）晚于今天：“%(value)s”。") % {
            "value": published_on.isoformat()
        }
        raise LineError(future + _("旧网站已发布的文件，发布日期不会在今天之后。"))
    if published_on and published_on >= PLACEHOLDER_DATES_BEFORE:
        values["published_on"] = published_on  # absent: keep the page's own date
    return values


# Old systems export "no date" as 1900-01-01 or 1970-01-01; no disclosed document is that old.
PLACEHOLDER_DATES_BEFORE = datetime.date(1980, 1, 1)


def plain_text(text):
    """A title as the old site showed it: entities such as &ldquo; read, spaces collapsed."""
    return " ".join(html.unescape(text).split())


def placeholder_notes(record):
    """The note on a 发布日期 page_values left out as an old system's "no date"."""
    published_on = date_value(record, "published_at")
    if published_on is None or published_on >= PLACEHOLDER_DATES_BEFORE:
        return []
    return [
        _("发布日期 %(date)s 是原系统表示“无日期”的占位值，未采用。")
        % {"date": published_on.isoformat()}
    ]


def publication_date_notes(record, values, live):
    """A new live record without 发布日期: the old site published it before the import, so its
    成文日期 stands in for it (the import's day would list a years-old document as the newest);
    without either the import's day stands. The editor is told which, and of a placeholder
    date (1900-01-01) read as none."""
    notes = placeholder_notes(record)
    if not live or "published_on" in values:
        return notes
    if values["written_on"]:
        values["published_on"] = values["written_on"]
        return [
            *notes,
            _(
                "未给出发布日期（published_at）：暂以成文日期 %(date)s 作为发布日期；"
                "如不符，请在导入文件中补上 published_at 后重新导入。"
            )
            % {"date": values["written_on"].isoformat()},
        ]
    return [
        *notes,
        _("未给出发布日期（published_at）和成文日期（written_at）：以导入当天作为发布日期。"),
    ]


def typed_values(record, model, values, organisation):
    """The values only `model` has, and the notes on what the editor must complete."""
    context = {
        "title": values["title"],
        "published_on": values.get("published_on"),
        "organisation": organisation,
    }
    body = text_value(record, "body", required=True)
    try:
        mapped = type_values(model, record, body, context)
    except RecordError as error:
        raise LineError(str(error)) from error
    if not has_text(body):
        mapped.notes.insert(
            0, _("正文去除脚本和样式后没有文字（原网页的正文可能只是图片），请编辑核对。")
        )
    if images := image_count(body):
        mapped.notes.append(
            _("原正文中的 %(count)d 张图片未导入：请把图片作为附件上传或在正文中重新插入。")
            % {"count": images}
        )
    return mapped.values, mapped.notes


def validation_reason(error):
    """The page's validation errors in one sentence, each field by its record key."""
    if not hasattr(error, "error_dict"):
        return sentences(error.messages)
    found = error.message_dict
    parts = []
    for name, messages in found.items():
        if name in MIRRORED_FIELDS and MIRRORED_FIELDS[name] in found:
            continue  # the same error again under the field Wagtail copies from the other
        key = PAGE_FIELD_KEYS.get(name, name)
        label = FIELD_LABELS.get(key, key)
        parts.append(f"{key}（{label}）：{sentences(messages).rstrip('。')}")
    return "；".join(parts) + "。"


# Wagtail's copies of a field, validated again beside it.
MIRRORED_FIELDS = {"draft_title": "title"}


def sentences(messages):
    """Messages joined by "；", each without its own full stop, ending with one."""
    return "；".join(message.rstrip("。.") for message in messages) + "。"


def slug_base(title):
    # The rule of the editor's form (title_slugs.py): pinyin of the title, then the first free
    # suffix (the tree's free_slug).
    return title_slugs.pinyin_slug(title) or "document"


class IndexBatch:
    """Imported documents waiting for their search- and reference-index update. Sent every
    INDEX_BATCH_SIZE documents, and at the end even when the import stops on an error, as one
    task per page type (through Celery in production, after the documents' commits)."""

    def __init__(self):
        self.pending = defaultdict(list)

    def add(self, page):
        self.pending[type(page)].append(page.pk)
        if sum(map(len, self.pending.values())) >= INDEX_BATCH_SIZE:
            self.send()

    def send(self):
        for model, pks in self.pending.items():
            queue_index_update(model, pks)
        self.pending.clear()


def unreviewed_change(page):
    """Why an update must not touch `page`, or None. The import publishes the page's latest
    revision with the record's fields set: a person's change saved since (in review, sent back,
    or never submitted) would go live with it, unreviewed. The importer's own revisions are
    nobody's."""
    if page.current_workflow_state is not None:  # in review or sent back (退回修改)
        return _("该文件的修改稿正在审核中或已退回修改，本次未更新，请审核结束后重新导入。")
    latest = page.latest_revision
    if page.has_unpublished_changes and latest is not None and latest.user_id is not None:
        return _(
            "该文件有工作人员尚未发布的修改稿，本次未更新，以免未经审核的内容随导入发布："
            "请先发布或删除该修改稿，再重新导入。"
        )
    return None


def import_record(record, line_number, destinations, options, tree):
    """Create or update the page for one record; returns "created", "updated" or "unchanged",
    the page written (None when unchanged) and the notes for the editor."""
    source_url = source_address(record)
    taken = [
        destinations.addresses[key]
        for key in address_variants(source_url)
        if key in destinations.addresses
    ]
    if source_url and taken:
        raise LineError(
            _("原网址与第 %(line)d 行相同：同一文件中的两条记录不能对应旧网站的同一页面。")
            % {"line": taken[0]}
        )
    live = live_value(record)
    values = page_values(record)
    organisation = destinations.organisation(record)
    category = destinations.category(record, organisation)
    digest = fingerprint(record)
    context = {"file": options.source_name, "line": line_number, "source_url": source_url}

    known = imported_before(source_url)
    if known and known.page_id is None:
        return "unchanged", None, [_("该文件导入后已在本平台删除，本次未重新导入。")]
    if known and known.fingerprint == digest:
        # A re-run with --redirect-host adds the redirects a first run did not make.
        return "unchanged", None, old_address_notes(source_url, known.page, options)
    if known:
        unreviewed = unreviewed_change(known.page.specific)
        if unreviewed:
            raise LineError(unreviewed)
        page = known.page.get_latest_revision_as_object()
        named = text_value(record, "type")
        if named and type_named(named) is not type(page):
            raise LineError(
                _("该文件已导入为“%(type)s”，不能改变页面类型。")
                % {"type": page._meta.verbose_name}
            )
        typed, notes = typed_values(record, type(page), values, organisation)
        missing_files = attach_files(record, type(page), typed, options.files, organisation)
        notes = placeholder_notes(record) + notes + missing_files
        if not is_child_of(known.page, category):
            notes.append(
                _("记录的栏目是“%(column)s”，页面仍在原栏目：导入不移动页面，需要时请在后台移动。")
                % {"column": category.title}
            )
        for name, value in {**values, **typed}.items():
            setattr(page, name, value)
        page.full_clean()
        publish_or_save(page, live, context)
        known.fingerprint = kept_fingerprint(digest, missing_files)
        known.save(update_fields=["fingerprint", "imported_at"])
        return "updated", page, notes + old_address_notes(source_url, page, options)

    model = destinations.page_type(record, category)
    dated = publication_date_notes(record, values, live)
    typed, notes = typed_values(record, model, values, organisation)
    notes = dated + notes
    missing_files = attach_files(record, model, typed, options.files, organisation)
    notes += missing_files
    page = model(
        **values,
        **typed,
        slug=tree.free_slug(category, slug_base(values["title"])),
        live=False,
        locale_id=category.locale_id,  # what Wagtail would look up through the parent
    )
    page._is_site_root = False  # a new item is no site's root: spares a query on every save
    # Known already: spares the tree query an item makes to find its organisation.
    page.__dict__["disclosure_root"] = destinations.root_of(category)
    if live:
        page.backdate_first_publication(PublicationDateSource.OLD_SITE)
    tree.create(category, page, live, context)
    if source_url:
        ImportedDocument.objects.create(
            source_url=source_url, page=page, fingerprint=kept_fingerprint(digest, missing_files)
        )
    return "created", page, notes + old_address_notes(source_url, page, options)


def kept_fingerprint(digest, missing_files):
    """What the import record keeps of the record: none while a file of it was not imported,
    so that the next run, with the file supplied, imports it instead of counting the record
    unchanged."""
    return "" if missing_files else digest


def is_child_of(page, column):
    return page.path.startswith(column.path) and page.depth == column.depth + 1


def source_address(record):
    return normalise_address(text_value(record, "source_url"))


def imported_before(source_url):
    """The ImportedDocument of this old address (the same page under http or https), or None."""
    if not source_url:
        return None
    variants = address_variants(source_url)
    found = ImportedDocument.objects.select_related("page").filter(source_url__in=variants)
    return min(found, key=lambda known: variants.index(known.source_url), default=None)


def old_address_notes(source_url, page, options):
    if not options.redirect_host:
        return []
    note = redirect_old_address(source_url, page, options.redirect_host)
    return [note] if note else []


@dataclass
class ImportOptions:
    source_name: str = ""
    # The old site's host: its `source_url`s become redirects to the new pages.
    redirect_host: str = ""
    # Where the records' attachments are (files.FileFolder); None: no attachments.
    files: FileFolder | None = None
    # Records committed together (batches.py); a bad one rolls back to its own savepoint.
    batch_size: int = BATCH_SIZE
    # Today's path before the bulk one: a transaction, a tree insert and an index task per
    # record (bench/bench_import.py measures both).
    one_by_one: bool = False

    def __post_init__(self):
        self.redirect_host = normalise_host(self.redirect_host)


def import_documents(lines, source_name="", progress=None, options=None, summary=None):
    """Import an iterable of JSONL lines (bytes or text); `progress(line_number)` is called after
    each line. Returns an ImportSummary (`summary`, when given: it holds what was committed
    even when the import stops on an error or Ctrl-C); never raises for a bad line."""
    options = options or ImportOptions(source_name=source_name)
    summary = summary if summary is not None else ImportSummary()
    destinations = Destinations()
    index = IndexBatch()
    numbered = enumerate(lines, start=1)
    # Each document indexed once, in batches (IndexBatch), not at each of its saves.
    with index_updates_deferred(importable_models()):
        try:
            if options.one_by_one:
                for line_number, raw in numbered:
                    page = import_line(raw, line_number, summary, destinations, options, OneByOne())
                    if page is not None:  # committed: its index update may be queued
                        index.add(page)
                    if progress:
                        progress(line_number)
            else:
                for batch in batches(numbered, options.batch_size):
                    import_batch(batch, summary, destinations, options, index, progress)
        finally:
            index.send()
    return summary


def import_batch(batch, summary, destinations, options, index, progress):
    """One transaction for the batch, a savepoint for each record in it: the summary and the
    index updates take the batch's outcomes once it has committed. An import stopped inside a
    batch (an unexpected error, Ctrl-C) still commits the records finished before: the one it
    stopped in has rolled back to its savepoint already."""
    outcome = ImportSummary()
    written = []
    tree = Batch()
    stopped = None
    with transaction.atomic():
        with serials_in_one_transaction(tree.serials), many_changes():
            for line_number, raw in batch:
                try:
                    page = import_line(raw, line_number, outcome, destinations, options, tree)
                    if page is not None:
                        written.append(page)
                    if progress:
                        progress(line_number)
                except BaseException as error:  # re-raised once the finished records commit
                    stopped = error
                    break
        tree.close()
    for name in ("created", "updated", "unchanged", "skipped", "notes"):
        getattr(summary, name).extend(getattr(outcome, name))
    for page in written:
        index.add(page)
    if stopped is not None:
        raise stopped


def import_line(raw, line_number, summary, destinations, options, tree):
    """Import one line in its own transaction (a savepoint inside a batch); returns the page
    written, if any."""
    if not raw.strip():
        return None
    try:
        record = parse_line(raw)
        with transaction.atomic():
            outcome, page, notes = import_record(record, line_number, destinations, options, tree)
    except LineError as error:
        tree.discard()
        summary.skipped.append((line_number, str(error)))
        return None
    except ValidationError as error:
        tree.discard()
        summary.skipped.append((line_number, validation_reason(error)))
        return None
    except BaseException:
        tree.discard()
        raise
    tree.keep()
    if address := source_address(record):
        destinations.addresses[address] = line_number
    getattr(summary, outcome).append(line_number)
    summary.notes.extend((line_number, note) for note in notes)
    return page
