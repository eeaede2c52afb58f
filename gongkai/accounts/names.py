"""How a person's name is written from the two fields of Django's user (first_name, last_name):
a Chinese name family name first and without a space (姓名: 张三), a name in Latin letters
“First Last”. Django's `get_full_name` writes “first last” whatever the script, so 张三 came out
as “三 张”; patches/name_order.py puts this rule behind it, and so behind Wagtail's
`get_user_display_name`, its user listing, page history, review mails and records alike."""

import re

# CJK ideographs (the unified block and extension A, the compatibility block): a name written
# with any of them is a Chinese name.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_chinese(text):
    return bool(_HAN.search(text))


def full_name(first_name, last_name):
    first, last = (first_name or "").strip(), (last_name or "").strip()
    if is_chinese(first + last):
        return last + first
    return f"{first} {last}".strip()
