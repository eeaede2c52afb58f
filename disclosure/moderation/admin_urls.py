from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("force-publish/<int:page_id>/", views.force_publish_view, name="force_publish"),
]
