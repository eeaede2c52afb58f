"""Rich text posted as malformed contentstate (written by hand, not by Draftail) is a field
error on the page editor's form, never a server error, and nothing is saved; on a RichTextField
and on a StreamField's RichTextBlock alike (gongkai/rich_text_input.py)."""

import json

import pytest
from django.urls import reverse
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.blocks import RichTextBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models

from disclosure.moderation.tests.helpers import draft_item, draft_with, edit_form_data, fresh
from gongkai.rich_text_input import UNREADABLE_MESSAGE, RichTextArea


def _list_items_nested(depth):
    """Draftail never nests lists this deep; the exporter recurses once per level."""
    block = {
        "type": "unordered-list-item",
        "text": "项",
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    blocks = [{**block, "key": f"k{level}", "depth": level} for level in range(depth)]
    return json.dumps({"blocks": blocks, "entityMap": {}})


MALFORMED = [
    '{"blocks": [{"text": "未写完',
    "[]",
    '{"blocks": 5}',
    # Nested past Python's recursion limit: RecursionError in the JSON decoder or the exporter.
    '{"blocks": ' + "[" * 100_000 + "]" * 100_000 + "}",
    _list_items_nested(3000),
]


def assert_refused_on_the_form(response, field):
    """The form is shown again with the message on `field`: as HTML on a plain field, inside the
    StreamField's error data (drawn by Wagtail's script) on a block."""
    assert response.status_code in (200, 400)
    (error,) = response.context["form"].errors.as_data()[field]
    shown = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
    assert str(UNREADABLE_MESSAGE) in json.dumps(shown, ensure_ascii=False)


@pytest.mark.parametrize("posted", MALFORMED)
def test_malformed_rich_text_in_a_rich_text_field_is_a_field_error(editor_client, office, posted):
    page = draft_item(office["columns"][0], office["users"]["editor"])
    revisions = page.revisions.count()
    data = edit_form_data(page, title="改过的标题")
    data["intro"] = posted
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert_refused_on_the_form(response, "intro")
    assert str(UNREADABLE_MESSAGE) in response.content.decode()
    assert fresh(page).revisions.count() == revisions
    assert fresh(page).get_latest_revision_as_object().title != "改过的标题"


@pytest.mark.parametrize("posted", MALFORMED)
def test_malformed_rich_text_in_a_streamfield_block_is_a_block_error(editor_client, office, posted):
    page = draft_with(office, "rich-text-block")
    revisions = page.revisions.count()
    data = edit_form_data(page, title="改过的标题")
    assert data["body-0-type"] == "paragraph"
    data["body-0-value"] = posted
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert_refused_on_the_form(response, "body")
    assert fresh(page).revisions.count() == revisions


def test_well_formed_rich_text_is_still_saved(editor_client, office):
    page = draft_item(office["columns"][0], office["users"]["editor"])
    data = edit_form_data(page)
    data["intro"] = (
        '{"blocks": [{"key": "a", "type": "unstyled", "depth": 0, "text": "本栏目说明",'
        ' "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
    )
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    assert "本栏目说明" in fresh(page).get_latest_revision_as_object().intro


def _rich_text_widgets():
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField):
                yield f"{model.__name__}.{field.name}", field.formfield().widget
            elif isinstance(field, StreamField):
                for block in _blocks(field.stream_block):
                    if isinstance(block, RichTextBlock):
                        yield f"{model.__name__}.{field.name}.{block.name}", block.field.widget


def _blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from _blocks(child)
    if child := getattr(block, "child_block", None):
        yield from _blocks(child)


def test_every_rich_text_field_and_block_uses_the_widget():
    assert isinstance(get_rich_text_editor_widget(), RichTextArea)
    widgets = dict(_rich_text_widgets())
    assert widgets  # the project has rich-text fields and blocks
    assert {
        name for name, widget in widgets.items() if not isinstance(widget, RichTextArea)
    } == set()
