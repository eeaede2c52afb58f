"""Which page each imported record became: the key that makes re-running an import safe."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ImportedDocument(models.Model):
    """One record of an old site's export, by its address there, and the page made from it."""

    source_url = models.CharField(_("原网址"), max_length=1000, unique=True)
    # Kept when the page is deleted (page empty): a later run of the same catalogue must not
    # bring back what an office removed.
    page = models.OneToOneField(
        Page,
        verbose_name=_("页面"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="import_record",
    )
    # Hash of the record as last imported: an unchanged record makes no new revision.
    fingerprint = models.CharField(max_length=64)
    imported_at = models.DateTimeField(_("导入时间"), auto_now=True)

    class Meta:
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")

    def __str__(self):
        return self.source_url
