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
    "disclosure.applications.forms.OrganisationChoiceField": Override(
        replaces="Django's ModelChoiceField.label_from_instance (the model's __str__)",
        why="the organisations are offered under their names in the page's language: the "
        "English name on /en/ where one is given (Organisation.local_name)",
        checked=Patch(
            "django",
            "5.2.19",
            {"django.forms.models.ModelChoiceField.label_from_instance": "964ba4bca18c4b8d"},
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
    "disclosure.applications.register_admin.RegisterView": Override(
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
