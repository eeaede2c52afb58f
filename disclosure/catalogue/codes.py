"""Identifiers of Chinese organisations: the unified social credit code and the organisation code.

统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z),
the last a check character. 组织机构代码 (GB 11714-1997): 8 characters and a check character,
often written with a hyphen before it (12345678-9).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def uscc_check_character(first17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_character(first8):
    pairs = zip(first8, ORG_CODE_WEIGHTS, strict=True)
    total = sum(ORG_CODE_ALPHABET.index(c) * w for c, w in pairs)
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def normalise_code(value):
    return (value or "").strip().upper().replace("-", "")


def validate_organisation_identifier(value):
    """Accept an 18-character unified social credit code or a 9-character organisation code."""
    code = normalise_code(value)
    if len(code) == 18:
        if any(c not in USCC_ALPHABET for c in code):
            raise ValidationError(
                _("统一社会信用代码只能由数字和大写字母（不含 I、O、S、V、Z）组成。"),
                code="uscc_characters",
            )
        if uscc_check_character(code[:17]) != code[17]:
            raise ValidationError(
                _("统一社会信用代码校验位不正确，请核对后重新填写。"), code="uscc_check"
            )
        return
    if len(code) == 9:
        if any(c not in ORG_CODE_ALPHABET for c in code[:8]):
            raise ValidationError(
                _("组织机构代码本体只能由数字和大写字母组成。"), code="org_code_characters"
            )
        if org_code_check_character(code[:8]) != code[8]:
            raise ValidationError(
                _("组织机构代码校验位不正确，请核对后重新填写。"), code="org_code_check"
            )
        return
    raise ValidationError(
        _("请填写 18 位统一社会信用代码或 9 位组织机构代码。"), code="identifier_length"
    )
