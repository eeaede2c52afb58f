"""Tables of the site-wide plumbing: the outbox of work that must follow a commit, and what
the search index last received for each live page."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A Celery task that must run because a transaction committed (gongkai/outbox.py).

    Written in the caller's transaction, so the task exists exactly when the change that needs
    it does; delivered by the worker, which marks it done. Nothing here depends on the broker
    being up at commit time."""

    task = models.CharField(_("任务"), max_length=200)
    args = models.JSONField(_("位置参数"), default=list)
    kwargs = models.JSONField(_("关键字参数"), default=dict)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    run_after = models.DateTimeField(_("最早执行时间"), null=True, blank=True)
    sent_at = models.DateTimeField(_("最近一次由中继发送"), null=True, blank=True)
    locked_until = models.DateTimeField(_("执行锁定至"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("执行次数"), default=0)
    last_error = models.TextField(_("最近一次错误"), blank=True)
    delivered_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("待执行的后台任务")
        verbose_name_plural = _("待执行的后台任务")
        indexes = [
            # The relay reads only what is still waiting; done rows are the bulk of the table.
            models.Index(
                fields=["created_at"],
                condition=Q(delivered_at__isnull=True),
                name="gongkai_outbox_waiting",
            ),
            models.Index(fields=["delivered_at"], name="gongkai_outbox_delivered"),
        ]

    def __str__(self):
        return f"{self.task} #{self.pk}"


class CreateFormToken(models.Model):
    """A page create form that was saved (gongkai/create_once.py): the same form sent again (a
    second click on a slow server) finds its page here instead of creating another."""

    token = models.CharField(_("表单标识"), max_length=64, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("已提交的新建表单")
        verbose_name_plural = _("已提交的新建表单")

    def __str__(self):
        return self.token
