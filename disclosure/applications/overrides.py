"""Where the applications app takes over library code (gongkai/patching.py, Override): checked
against Wagtail 8.0.1 and Django 5.2.19."""

from gongkai.patching import Override, Patch

OVERRIDES = {
    "disclosure.applications.forms.ApplicationForm": Override(
        replaces="Django's private BaseModelForm._post_clean (the model's full_clean)",
        why="the application's clock fields are filled in by Application.register(), after the "
        "form; the model's validation would demand them from the applicant",
        checked=Patch(
            "django",
            "5.2.19",
            {"django.forms.models.BaseModelForm._post_clean": "ab96c0092f209325"},
        ),
    ),
    "disclosure.applications.challenge.ApplicationCaptchaInput": Override(
        replaces="django-simple-captcha's BaseCaptchaTextInput.audio_url",
        why="the challenge is read aloud in Mandarin by our own view (spoken_digits), not by "
        "the library's flite view, which reads English",
        checked=Patch(
            "django-simple-captcha",
            "0.7.0",
            {"captcha.fields.BaseCaptchaTextInput.audio_url": "31426accad05a4a7"},
        ),
    ),
    "disclosure.applications.staff.RegisterView": Override(
        replaces="Wagtail's generic CreateView.save_instance",
        why="an application registered by staff goes through Application.register() (tracking "
        "number, query code, deadline), not form.save()",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.admin.views.generic.models.CreateView.save_instance": "be7b8d47ae4b09a6"},
        ),
    ),
    "disclosure.applications.storage.PrivateStorage": Override(
        replaces="Django's FileSystemStorage.url",
        why="identity documents have no public address; staff download them through the admin",
        checked=Patch(
            "django",
            "5.2.19",
            {"django.core.files.storage.filesystem.FileSystemStorage.url": "020468de2f62bd17"},
        ),
    ),
}
