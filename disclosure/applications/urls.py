from django.urls import path

from disclosure.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.apply, name="apply"),
    path("status/", views.status, name="status"),
]
