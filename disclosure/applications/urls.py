from django.urls import path

from disclosure.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.apply, name="apply"),
    path("submitted/", views.submitted, name="submitted"),
    path("status/", views.status, name="status"),
    path("captcha/<slug:key>.wav", views.captcha_audio, name="captcha_audio"),
]
