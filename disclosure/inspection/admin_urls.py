from django.urls import path

from . import admin_views

app_name = "inspection"
urlpatterns = [
    path("", admin_views.overview_view, name="overview"),
    path("xlsx/", admin_views.overview_xlsx, name="overview_xlsx"),
    path("refresh/", admin_views.refresh_all_view, name="refresh_all"),
    path("<int:organisation_id>/", admin_views.organisation_view, name="organisation"),
    path("<int:organisation_id>/xlsx/", admin_views.organisation_xlsx, name="organisation_xlsx"),
    path("<int:organisation_id>/refresh/", admin_views.refresh_view, name="refresh"),
]
