from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "disclosure.reports"
    label = "reports"
    verbose_name = "政府信息公开工作年度报告"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from disclosure.reports.downloads.exports import on_report_published, on_report_withdrawn

        # tasks: registers reports.build_export in every process, which the downloads ask
        # for by name (exports.BUILD_TASK), so that eager Celery (the tests) can run it.
        from . import tasks  # noqa: F401
        from .models import AnnualReportPage

        page_published.connect(
            on_report_published, sender=AnnualReportPage, dispatch_uid="reports-exports-on-publish"
        )
        page_unpublished.connect(
            on_report_withdrawn, sender=AnnualReportPage, dispatch_uid="reports-exports-unpublished"
        )
        post_delete.connect(
            on_report_withdrawn, sender=AnnualReportPage, dispatch_uid="reports-exports-deleted"
        )
