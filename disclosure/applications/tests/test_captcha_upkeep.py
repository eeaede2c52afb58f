"""The CAPTCHA table stays bounded: every challenge made is counted against its address, and
expired ones are removed as new ones are made; an expired challenge's picture is gone (410)
like its audio."""

import datetime
import json

import pytest
from captcha.models import CaptchaStore
from django.core.cache import cache
from django.utils import timezone

pytestmark = pytest.mark.django_db
REFRESH = {"headers": {"X-Requested-With": "XMLHttpRequest"}}


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    settings.GONGKAI_CAPTCHA_RATE = (3, 3600)
    cache.clear()


def _expired(challenge="2345"):
    store = CaptchaStore.objects.create(challenge=challenge, response=challenge)
    CaptchaStore.objects.filter(pk=store.pk).update(
        expiration=timezone.now() - datetime.timedelta(seconds=1)
    )
    return store


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda client: client.get("/apply/"), id="form"),
        pytest.param(lambda client: client.get("/captcha/refresh/", **REFRESH), id="refresh"),
        pytest.param(
            lambda client: client.post("/apply/", {"captcha_refresh": "1"}), id="refresh-no-js"
        ),
    ],
)
def test_each_way_of_making_a_challenge_counts_against_the_address(client, organisation, make):
    for _ in range(3):
        assert make(client).status_code == 200
    rows = CaptchaStore.objects.count()
    refused = make(client)
    assert refused.status_code == 429
    assert CaptchaStore.objects.count() == rows  # over the limit, nothing is written
    # The ways share one count, and another address has its own.
    assert client.get("/captcha/refresh/", **REFRESH).status_code == 429
    assert client.get("/apply/", REMOTE_ADDR="10.0.0.7").status_code == 200


def test_expired_challenges_are_removed_as_new_ones_are_made(client, organisation):
    old = [_expired() for _ in range(5)]
    client.get("/apply/")
    assert not CaptchaStore.objects.filter(pk__in=[s.pk for s in old]).exists()
    assert CaptchaStore.objects.count() == 1
    gone = _expired()
    fresh = json.loads(client.get("/captcha/refresh/", **REFRESH).content)
    assert not CaptchaStore.objects.filter(pk=gone.pk).exists()
    assert CaptchaStore.objects.filter(hashkey=fresh["key"]).exists()
    assert CaptchaStore.objects.count() == 2  # the form's live challenge and the new one


def test_an_expired_challenges_picture_is_gone_like_its_audio(client, organisation):
    store = _expired()
    assert client.get(f"/captcha/image/{store.hashkey}/").status_code == 410
    assert client.get(f"/captcha/image/{store.hashkey}@2/").status_code in (404, 410)
    assert client.get(f"/apply/captcha/{store.hashkey}.wav").status_code == 410
    assert client.get("/captcha/image/0123456789abcdef/").status_code == 410
    live = CaptchaStore.objects.create(challenge="2345", response="2345")
    picture = client.get(f"/captcha/image/{live.hashkey}/")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
