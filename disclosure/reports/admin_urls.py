from django.urls import path

from . import admin_views

app_name = "reports"
urlpatterns = [
    path("<int:page_id>/fill/<slug:source>/", admin_views.prefill_view, name="prefill"),
    path("<int:page_id>/upload/", admin_views.upload_view, name="upload"),
    path("overview/", admin_views.overview_view, name="overview"),
    path("overview/xlsx/", admin_views.overview_xlsx, name="overview_xlsx"),
]
