from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "disclosure.reports"
    label = "reports"
    verbose_name = "政府信息公开工作年度报告"

    def ready(self):
        from wagtail.signals import page_published

        from .exports import on_report_published
        from .models import AnnualReportPage

        page_published.connect(
            on_report_published, sender=AnnualReportPage, dispatch_uid="reports-exports-on-publish"
        )
