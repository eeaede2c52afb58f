"""`make run` loads the English demo pages; a demo page without English stops it."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from disclosure.catalogue.models import DisclosureIndexPage
from home.demo_translation import load_english_demo
from tests.factories import publishing_as_fixture

pytestmark = pytest.mark.django_db


def test_every_english_demo_page_is_made_and_live(demo):
    home = Site.objects.get(is_default_site=True).root_page.specific
    township_root = DisclosureIndexPage.objects.get(slug="xxgk", locale=Locale.get_default())
    admin = get_user_model().objects.get(username="admin")

    # Inside load_demo, which publishes the demo outside review.
    with publishing_as_fixture():
        translations = load_english_demo(home, township_root, admin)

    english = Locale.objects.get(language_code="en")
    assert translations and all(page.locale == english and page.live for page in translations)
    titles = {page.title for page in translations}
    assert (
        "Guide to government information disclosure of the Youyi Township People’s Government"
        in titles
    )
