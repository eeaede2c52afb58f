from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("force-publish/<int:page_id>/", views.force_publish_view, name="force_publish"),
    path("withdraw/<int:page_id>/", views.request_withdrawal_view, name="request_withdrawal"),
    path(
        "withdrawals/<int:withdrawal_id>/", views.decide_withdrawal_view, name="decide_withdrawal"
    ),
    path("sensitive/<int:page_id>/", views.sensitive_scan_view, name="sensitive_scan"),
    path("record/<int:page_id>/", views.review_record_view, name="review_record"),
    path("record/<int:page_id>/pdf/", views.review_record_pdf_view, name="review_record_pdf"),
    path("audit/", views.audit_export_view, name="audit_export"),
]
