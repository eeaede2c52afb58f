"""What counts as a page's content — what the public reads — as opposed to its state."""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields

# Page fields that describe the page's state, not what the public reads.
STATE_FIELDS = frozenset(
    {
        "id",
        "pk",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "url_path",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        "expired",
        "go_live_at",
        "expire_at",
        "content_type",
        "alias_of",
        "locale",
        "translation_key",
        "index_entries",
        "postgres_index_entries",
        "wagtail_admin_comments",
        "comments",
    }
)
# Child objects' own keys, which change whenever they are saved again.
CHILD_KEYS = frozenset({"pk", "id", "page"})
# Rich text the editor re-saves without a change: block keys, an empty paragraph for "".
MARKUP_NOISE = (re.compile(r'\s*data-block-key="[^"]*"'), re.compile(r"<p>\s*</p>"))


def public_content(page):
    """The fields and child objects the public reads, comparable between two instances."""
    data = {
        name: value
        for name, value in get_serializable_data_for_fields(page).items()
        if name not in STATE_FIELDS
    }
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        if name in STATE_FIELDS:
            continue
        parent_key = relation.field.name
        data[name] = [
            {
                key: value
                for key, value in get_serializable_data_for_fields(child).items()
                if key not in {"pk", "id", parent_key}
            }
            for child in getattr(page, name).all()
        ]
    return data


def _stream_blocks(value):
    """A StreamField's stored JSON (a list of blocks), or None for any other text."""
    if not value.startswith("[{"):
        return None
    try:
        blocks = json.loads(value)
    except ValueError:
        return None
    if isinstance(blocks, list) and all(isinstance(block, dict) for block in blocks):
        return blocks
    return None


def _normalised(value):
    if isinstance(value, str):
        blocks = _stream_blocks(value)
        if blocks is not None:
            # Block ids are new whenever a form without them is saved; the public never sees them.
            return _normalised(blocks)
        for noise in MARKUP_NOISE:
            value = noise.sub("", value)
        return value.strip()
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items() if key not in CHILD_KEYS}
    return value


def revision_text(revision):
    """A revision's content without page state and without the editor's markup noise."""
    return {
        key: _normalised(value)
        for key, value in revision.content.items()
        if key not in STATE_FIELDS
    }


def same_text(first, second):
    return first.pk == second.pk or revision_text(first) == revision_text(second)


def public_text(page):
    """`public_content` without the editor's noise: equal for two pages the public reads alike."""
    data = json.loads(json.dumps(public_content(page), cls=DjangoJSONEncoder))
    return {key: _normalised(value) for key, value in data.items()}


def edited_fields_text(page):
    """The fields of a page being edited (the form applied, not saved) as `revision_text` gives
    them: child objects left out, since the editor's formsets hold them until saved."""
    fields = json.loads(json.dumps(get_serializable_data_for_fields(page), cls=DjangoJSONEncoder))
    return {key: _normalised(value) for key, value in fields.items() if key not in STATE_FIELDS}


def fields_differ(edited, stored):
    """Whether the edited page's fields say anything the stored one does not."""
    before = edited_fields_text(stored)
    return any(
        key not in before or before[key] != value
        for key, value in edited_fields_text(edited).items()
    )
