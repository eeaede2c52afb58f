"""Where the catalogue takes over library code (gongkai/patching.py, Override): checked against
Wagtail 8.0.1 and Django 5.2.19."""

from gongkai.patching import Override, Patch

OVERRIDES = {
    "disclosure.catalogue.attachments.AttachmentForm": Override(
        replaces="Django's BaseModelForm._post_clean, keeping the file field's own message",
        why="Wagtail's Document.clean() checks the extension again on the instance's old file "
        "after the form refused the upload, adding a second message that names an empty "
        "extension",
        checked=Patch(
            "django",
            "5.2.19",
            {"django.forms.models.BaseModelForm._post_clean": "ab96c0092f209325"},
        ),
    ),
    "disclosure.catalogue.models.feeds.CatalogueFeed": Override(
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
    "disclosure.catalogue.models.routing.PathRouteMixin": Override(
        replaces="Wagtail's Page.route one level at a time: the pages on the rest of the path "
        "read in one query, each level handed its child with its parent cached "
        "(`_cached_parent_obj`, as Page.route sets it), pages passed through built with "
        "specific_deferred, the last read in full as get_specific does",
        why="Wagtail reads two queries a level (the child, then its specific row): six for an "
        "item page before anything is rendered",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.models.pages.AbstractPage.route": "e4734f428a798894",
                "wagtail.models.specific.SpecificMixin.get_specific": "2722a6619ee2deba",
                "wagtail.models.specific.SpecificMixin.specific_deferred": "b79769ac7bf83c56",
            },
        ),
    ),
}
