"""How an applicant's phone number and postcode are written in the register: one way, whoever
typed them (the applicant on the public form, a clerk in the admin). The model's
`Application.clean_contact` applies them, so every form that saves an application does."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# What people put between the digits of a phone number: spaces, hyphens, the brackets around
# an area code (after NFKC, which turns full-width digits and signs into ASCII ones).
PHONE_SEPARATORS = re.compile(r"[\s\-()./]+")


def normalise_phone(text):
    """The number as people write it, stored one way: a mainland mobile as its 11 digits
    ("+86 138 0013 8000", "１３８００１３８０００" → "13800138000"), any other as digit groups
    joined by "-" with "+" kept in front where written ("(0571)12345678" → "0571-12345678").
    Raises ValidationError unless it has 7 to 15 digits and nothing but separators, or, starting
    with 1, is not a mobile's 11 digits starting 13 to 19."""
    text = unicodedata.normalize("NFKC", text).strip()
    plus = text.startswith("+")
    groups = [group for group in PHONE_SEPARATORS.split(text.removeprefix("+")) if group]
    digits = "".join(groups)
    if not groups or not digits.isascii() or not digits.isdigit() or not 7 <= len(digits) <= 15:
        raise ValidationError(_("联系电话应为7至15位数字，可含“+”“-”、空格或括号内的区号。"))
    national = digits.removeprefix("86") if plus else digits
    if national.startswith("1"):
        if len(national) != 11:
            raise ValidationError(_("手机号码应为11位数字，请核对是否多输或少输。"))
        if national[1] not in "3456789":
            # Mainland mobile numbers are 13x–19x; 10x, 11x and 12x are no one's phone.
            raise ValidationError(_("手机号码的第二位应为3至9（如138、159、186开头），请核对。"))
        return national
    return ("+" if plus else "") + "-".join(groups)


POSTCODE_MESSAGE = _("邮政编码应为6位数字。")


def normalise_postcode(text):
    """A postcode is six ASCII digits (full-width ones read as ASCII), or nothing."""
    postcode = unicodedata.normalize("NFKC", text).strip()
    if postcode and not (len(postcode) == 6 and postcode.isascii() and postcode.isdigit()):
        raise ValidationError(POSTCODE_MESSAGE)
    return postcode


class PostcodeField(models.CharField):
    """Six characters in the register; a seven-digit postcode typed into any form that edits
    it (the public form, the clerk's) gets the postcode's own message, not Django's length one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 6)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.error_messages["max_length"] = POSTCODE_MESSAGE
        return field
