"""The application form's CAPTCHA, made readable for people and kept hard for scripts.

django-simple-captcha draws the image and offers a new one (``/captcha/refresh/``). Here: the
challenge is digits, which every visitor can read and type on a phone's number pad, and the
widget shows the picture, a "换一张" button and a link to the digits read in Mandarin
(``/apply/captcha/<key>.wav``, spoken_digits: django-simple-captcha's own audio needs flite,
which has no Chinese voice), labelled in Chinese.
The limit on posts of the form per address (settings.GONGKAI_APPLICATION_ATTEMPT_RATE) bounds
what guessing can gain.

Each challenge is a row: every way of making one (the form, its no-JavaScript refresh,
``/captcha/refresh/``) asks ``new_challenge_allowed`` first, which counts it against the address
(settings.GONGKAI_CAPTCHA_RATE) and removes the expired rows, so the table holds at most what
the limit lets through in CAPTCHA_TIMEOUT.
"""

import secrets

from captcha.fields import CaptchaTextInput
from captcha.models import CaptchaStore
from django.conf import settings
from django.urls import reverse

from gongkai import ratelimit

# No 0 and 1: they pass for O and I (or l) in a distorted picture.
DIGITS = "23456789"


def digits_challenge():
    """(what the picture shows, what the visitor types): the same digits."""
    text = "".join(secrets.choice(DIGITS) for _ in range(settings.CAPTCHA_LENGTH))
    return text, text


def new_challenge_allowed(request):
    """Count one new challenge for this address; False (nothing written) over the limit."""
    limit, period = settings.GONGKAI_CAPTCHA_RATE
    if ratelimit.hit(request, "captcha", limit, period):
        return False
    CaptchaStore.remove_expired()
    return True


class ApplicationCaptchaInput(CaptchaTextInput):
    template_name = "applications/captcha_widget.html"

    def audio_url(self):
        return reverse("applications:captcha_audio", kwargs={"key": self._key})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["refresh"] = self.refresh_url()
        # The answer's input, for the picture's and the help text's aria references.
        context["answer_id"] = self.id_for_label(self.id_)
        context["image_size"] = settings.CAPTCHA_IMAGE_SIZE
        return context

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.setdefault("inputmode", "numeric")
        return attrs
