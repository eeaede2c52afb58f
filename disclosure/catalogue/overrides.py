"""Where the catalogue takes over library code (gongkai/patching.py, Override): checked against
Wagtail 8.0.1 and Django 5.2.19."""

from gongkai.patching import Override, Patch

OVERRIDES = {
    "disclosure.catalogue.feeds.CatalogueFeed": Override(
        replaces="Django's Feed.item_title, item_description and item_link",
        why="a feed item is a disclosure page: its title, summary and address come from the "
        "page, not from str(item) and get_absolute_url()",
        checked=Patch(
            "django",
            "5.2.19",
            {
                "django.contrib.syndication.views.Feed.item_title": "91497e4dfd9d65b2",
                "django.contrib.syndication.views.Feed.item_description": "5c12bc2ed87e1a01",
                "django.contrib.syndication.views.Feed.item_link": "da874c674c09ce8e",
            },
        ),
    ),
    "disclosure.catalogue.models.items_base.DisclosureItemPage": Override(
        replaces="Wagtail's Page.get_template",
        why="every item type falls back to one shared item template instead of requiring a "
        "template per model",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.models.pages.AbstractPage.get_template": "8726653a3b876444"},
        ),
    ),
}
