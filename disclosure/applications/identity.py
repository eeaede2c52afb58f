"""Check digits of Chinese identity numbers: the resident ID (GB 11643) and the unified social
credit code (GB 32100, the catalogue's implementation). A wrong number is a typo to catch at the
form, not at the reply."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from disclosure.catalogue.codes import USCC_ALPHABET, uscc_check_character

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def resident_id_check_digit(first17):
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def validate_resident_id(value):
    number = (value or "").strip().upper()
    if (
        len(number) != 18
        or not number[:17].isdigit()
        or not (number[17].isdigit() or number[17] == "X")
    ):
        raise ValidationError(_("居民身份证号码应为18位：前17位为数字，最后一位为数字或X。"))
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(_("居民身份证号码中的出生日期无效，请核对。")) from None
    if resident_id_check_digit(number[:17]) != number[17]:
        raise ValidationError(_("居民身份证号码校验位不正确，请核对是否输错。"))


def validate_uscc(value):
    code = (value or "").strip().upper()
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        raise ValidationError(
            _("统一社会信用代码应为18位，由数字和大写字母组成（不含 I、O、Z、S、V）。")
        )
    if uscc_check_character(code[:17]) != code[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对是否输错。"))
