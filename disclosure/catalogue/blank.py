"""What counts as blank: a value that is there but says nothing. An inspector reads a 办事指南
whose 办理时间 is “—” or whose only material has no name as missing the element, so the
inspection does too, and so does the guide's form before review (models/guide_elements.py).
Used wherever the inspection asks whether something was filled in."""

import re
from html import unescape

from django.utils.html import strip_tags

# Words that fill a field without saying anything (compared without spaces and punctuation,
# case-insensitively): “无”, “暂无”, “（无）”, “N/A”.
PLACEHOLDERS = frozenset(
    {
        "无",
        "暂无",
        "没有",
        "空",
        "略",
        "待定",
        "待补充",
        "不详",
        "无此项",
        "na",
        "none",
        "null",
        "nil",
    }
)
_NOT_A_WORD = re.compile(r"[\W_]+")


def is_blank_text(text):
    """No letter, digit or Chinese character once the markup, entities (&nbsp;), whitespace
    (full-width too) and punctuation (“—”, “/”) are gone, or only a placeholder word."""
    words = _NOT_A_WORD.sub("", unescape(strip_tags(str(text))))
    return not words or words.lower() in PLACEHOLDERS


def is_blank(value, keys=None):
    """`value`: text, rich text, a StreamField's value, a block's value. A stream is blank when
    every block is; a struct block when every one of its `keys` (default: its text children)
    is — a 申请材料 is its name, whatever its number of copies says."""
    if value is None:
        return True
    if hasattr(value, "source"):  # RichText
        return is_blank_text(value.source)
    if isinstance(value, str):
        return is_blank_text(value)
    if hasattr(value, "raw_data"):  # StreamValue
        return all(is_blank(block.value, keys) for block in value)
    if isinstance(value, dict):  # StructValue
        keys = keys or [key for key, child in value.items() if _is_text(child)]
        return all(is_blank(value.get(key)) for key in keys)
    if isinstance(value, (list, tuple)):  # ListBlock
        return all(is_blank(child, keys) for child in value)
    return False  # a number, a date, a chosen page: something


def _is_text(value):
    return isinstance(value, str) or hasattr(value, "source")
