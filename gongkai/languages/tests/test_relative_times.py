"""Wagtail writes "how long ago" with django.contrib.humanize's naturaltime (the status panel and
the workflow dialog of every page in review: "49 seconds ago 提交到初审"). Its Chinese is in the
humanize app's own catalogue, which Django reads only for an installed app (issue 17, found by
the editor/reviewer walk-through: findings F5)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from wagtail.admin.templatetags import wagtailadmin_tags

from gongkai.languages.admin_words import latin_words


@pytest.mark.parametrize(
    "ago", [timedelta(seconds=49), timedelta(minutes=1), timedelta(minutes=6), timedelta(hours=3)]
)
def test_wagtails_relative_times_are_chinese(ago):
    with translation.override("zh-hans"):
        text = str(wagtailadmin_tags.naturaltime(timezone.now() - ago))
    assert latin_words(text) == [], text
