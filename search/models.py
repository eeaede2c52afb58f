"""What search keeps beside the index: synonyms editors maintain (applied when a query is run,
not when pages are indexed), attachments' text, suggestions, and each page's index stamp."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

SEPARATORS = re.compile(r"[\s,，、;；]+")


class Synonym(index.Indexed, models.Model):
    """A group of words that mean the same thing: searching any of them finds all of them."""

    words = models.CharField(
        _("同义词组"),
        max_length=500,
        help_text=_("用逗号、顿号或空格分隔，例如：低保，最低生活保障"),
    )

    source = models.CharField(
        _("来源"),
        max_length=500,
        blank=True,
        help_text=_("使用这组词的政府文件或网页：文件名称、文号或网址。"),
    )

    # A mistyping (低报 for 低保: same pinyin, the input method's first choice for many) finds
    # the group's pages but is not a word of it: the results page never names it among the
    # words searched besides the typed ones, nor offers it as 您是不是要找.
    mistypings = models.CharField(
        _("常见错误写法"),
        max_length=200,
        blank=True,
        help_text=_(
            "市民常打错的写法，例如“低报”。输入它们也能找到本组的内容，"
            "但搜索结果页不会把它们列为同时搜索的词。用逗号、顿号或空格分隔。"
        ),
    )

    panels = [FieldPanel("words"), FieldPanel("mistypings"), FieldPanel("source")]
    search_fields = [index.SearchField("words")]

    class Meta:
        verbose_name = _("同义词")
        verbose_name_plural = _("同义词")

    def __str__(self):
        return "，".join(self.word_list())

    def word_list(self) -> list[str]:
        return [word for word in SEPARATORS.split(self.words) if word]

    def mistyping_list(self) -> list[str]:
        return [word for word in SEPARATORS.split(self.mistypings) if word]


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("待提取")
    DONE = "done", _("已提取")
    REFUSED = "refused", _("未能提取")


class AttachmentText(models.Model):
    """The text extracted from an attachment (a Wagtail document), indexed with the live pages
    that link it and read by the sensitive-word scan. Marked pending when a readable file is
    saved; the `search.extract_attachment_text` Celery task then fills it, or records why not."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    file_name = models.CharField(_("文件"), max_length=255)
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=ExtractionStatus,
        default=ExtractionStatus.PENDING,
        db_index=True,
    )
    text = models.TextField(_("文本"), blank=True)
    error = models.CharField(_("无法读取的原因"), max_length=255, blank=True)
    extracted_at = models.DateTimeField(_("提取时间"), auto_now=True)

    class Meta:
        verbose_name = _("附件文本")
        verbose_name_plural = _("附件文本")

    def __str__(self):
        return self.file_name


class SearchSuggestion(models.Model):
    """A search the site administrators offer under "您可以试试" when a search finds nothing.

    Visitors' own queries are never suggested: whatever anyone types, however often, must never
    become text the site shows to everyone else (`search.suggestions`)."""

    text = models.CharField(_("搜索词"), max_length=100, unique=True)
    sort_order = models.IntegerField(_("排序"), default=0, help_text=_("数字小的排在前面。"))

    panels = [FieldPanel("text"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("推荐搜索词")
        verbose_name_plural = _("推荐搜索词")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.text


class SearchIndexStamp(models.Model):
    """The live revision of a page that the search index last received.

    modelsearch's index entries carry no date, so this is how the reconcile tells an entry
    that is older than the page's live revision (search/reconcile.py)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    revision_id = models.BigIntegerField(_("版本"), null=True)
    # False when the page's model does not index it (it is not among its indexed objects).
    in_index = models.BooleanField(_("在索引中"), default=True)
    indexed_at = models.DateTimeField(_("索引时间"), auto_now=True)

    class Meta:
        verbose_name = _("搜索索引记录")
        verbose_name_plural = _("搜索索引记录")

    def __str__(self):
        return f"{self.page_id}@{self.revision_id}"
