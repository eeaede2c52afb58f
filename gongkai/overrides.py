"""Where the project package's plumbing takes over library code (gongkai/patching.py, Override):
checked against Wagtail 8.0.1, kombu 5.7.0 and Django 5.2.19."""

from gongkai.patching import Override, Patch

EDIT = "wagtail.admin.views.pages.edit.EditView"
CREATE = "wagtail.admin.views.pages.create.CreateView"
JSON_VIEW = "wagtail.admin.views.generic.mixins.JsonPostResponseMixin"
DRAFTAIL = "wagtail.admin.rich_text.editors.draftail.DraftailRichTextArea"
CONTENTSTATE = "wagtail.admin.rich_text.converters.contentstate.ContentstateConverter"

OVERRIDES = {
    "gongkai.broker.Channel": Override(
        replaces="kombu's filesystem channel's _put and _get: a message is written under a "
        "temporary name and renamed, claimed by a rename to a name of the reader's own, and an "
        "unreadable one is quarantined",
        why="kombu writes a message in place under its final name, so a polling worker read "
        "half a message and died; its folder, processing and option properties are used as kombu "
        "defines them",
        checked=Patch(
            "kombu",
            "5.7.0",
            {
                "kombu.transport.filesystem.Channel._put": "482499ac7b103cc9",
                "kombu.transport.filesystem.Channel._get": "630588cdbac12a69",
                "kombu.transport.filesystem.Channel.data_folder_in": "2789088aca65bf4e",
                "kombu.transport.filesystem.Channel.data_folder_out": "3fbc81c0a989862c",
                "kombu.transport.filesystem.Channel.processed_folder": "fcfbff17fa561365",
                "kombu.transport.filesystem.Channel.store_processed": "0f06c81380c3f89e",
                # Its queues are read in their declared order (InOrder below), not in turns.
                "kombu.transport.virtual.base.Channel._reset_cycle": "05060092ae951305",
            },
        ),
    ),
    "gongkai.broker.Transport": Override(
        replaces="kombu's filesystem transport, only to use the channel above",
        why="the transport shares its exchanges and bindings through a class attribute "
        "(global_state) that a subclass must keep pointing at kombu's",
        checked=Patch(
            "kombu",
            "5.7.0",
            {"kombu.transport.filesystem.Transport.global_state": "a6133ff79e1d6cc3"},
        ),
    ),
    "gongkai.broker.InOrder": Override(
        replaces="kombu's FairCycle.get, which takes turns between a worker's queues",
        why="a worker drains its queues in their declared order, so what a person waits for "
        "(the interactive queue, GONGKAI_INTERACTIVE_TASKS) goes ahead of bulk work",
        checked=Patch(
            "kombu",
            "5.7.0",
            {"kombu.utils.scheduling.FairCycle.get": "df21c2ea8a4e0abf"},
        ),
    ),
    "gongkai.rich_text_input.RichTextArea": Override(
        replaces="Draftail's widget's value_from_datadict and format_value, for every rich-text "
        "field and block (WAGTAILADMIN_RICH_TEXT_EDITORS): malformed contentstate becomes a value "
        "the form field refuses",
        why="Wagtail converts the posted JSON while the form reads the request, before any "
        "validation, and malformed JSON raised there (500); the value passes through "
        "RichTextBlock's value_from_form/value_for_form to the CharField unchanged",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{DRAFTAIL}.value_from_datadict": "750f8fa6f01325d4",
                f"{DRAFTAIL}.format_value": "582d5af542706224",
                f"{CONTENTSTATE}.to_database_format": "fa59a79b8d2f3560",
                "wagtail.blocks.field_block.RichTextBlock.value_from_form": "d20f35836012d29e",
                "wagtail.blocks.field_block.RichTextBlock.value_for_form": "7d826f3cf1965d5e",
            },
        ),
    ),
    "gongkai.create_once.CreateOnce": Override(
        replaces="Wagtail's page CreateView.form_valid, claiming the form's one-time token "
        "before the page is created, and its template (gongkai/pages/create.html)",
        why="Wagtail's create form has no idempotency: a double submit creates two drafts; an "
        "autosave of a form whose token already made a page is saved into it by the edit view "
        "and answered as the create view answers a new page (url, hydrate_url)",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{CREATE}.form_valid": "b89dca6f5cff3f41",
                f"{CREATE}.get_context_data": "9fb69b45b7706e7f",
                f"{CREATE}.save_action": "f8edadfb0d053129",
                f"{JSON_VIEW}.expects_json_response": "cf32e18220f68832",
                f"{JSON_VIEW}.json_error_response": "18a5f49e6234538b",
            },
        ),
    ),
    "gongkai.busy.PageEditorKeepsTypedText": Override(
        replaces="Wagtail's page CreateView and EditView dispatch and form_valid: a save the "
        "busy database refused is shown again with the typed text",
        why="Wagtail lets the database error through (a 500, the text lost); the retry forgets "
        "the views' cached action_name_and_method and answers autosave with the JSON error",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{CREATE}.dispatch": "1a79f872715a6edb",
                f"{CREATE}.action_name_and_method": "941d64f41a3df7a9",
                f"{CREATE}.form_valid": "b89dca6f5cff3f41",
                f"{EDIT}.dispatch": "2001ea7ce9bbb3ad",
                f"{EDIT}.action_name_and_method": "84e00eb59754a752",
                f"{EDIT}.form_valid": "382f64dbb852b7fb",
                f"{EDIT}.get_editing_sessions": "fa41576313d674cd",
                f"{JSON_VIEW}.json_error_response": "18a5f49e6234538b",
            },
        ),
    ),
    "gongkai.sitemap.EveryLanguageSitemap": Override(
        replaces="Wagtail's Sitemap.items",
        why="Wagtail lists the pages below the site's root in its own language only; the "
        "sitemap lists every language's version",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.contrib.sitemaps.sitemap_generator.Sitemap.items": "eb70e8d67324ed2c"},
        ),
    ),
    "gongkai.site_settings.ReadOnlyForRequestsMixin": Override(
        replaces="Wagtail's BaseSiteSetting.for_request",
        why="Wagtail's is get-or-create: a visitor's GET inserted the settings row, which "
        "failed the page under a busy SQLite; ours reads the row or shows the defaults",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.contrib.settings.models.BaseSiteSetting.for_request": "7b0f7b4711f19334"},
        ),
    ),
    "gongkai.page_store.PageFileCache": Override(
        replaces="Django's file cache's get, touch and _write_content, without zlib; its "
        "_is_expired and _key_to_file used as Django defines them",
        why="every page-cache hit read its page through zlib (19 µs of a 105 µs hit)",
        checked=Patch(
            "django",
            "5.2.19",
            {
                "django.core.cache.backends.filebased.FileBasedCache.get": "967f211b1fb8e64a",
                "django.core.cache.backends.filebased.FileBasedCache._write_content": (
                    "7b2a331864696527"
                ),
                "django.core.cache.backends.filebased.FileBasedCache.touch": "3417aadc4983536c",
                "django.core.cache.backends.filebased.FileBasedCache._is_expired": (
                    "ea14c9ab97f9333e"
                ),
                "django.core.cache.backends.filebased.FileBasedCache._key_to_file": (
                    "1d1cc525edbc03d9"
                ),
            },
        ),
    ),
}
