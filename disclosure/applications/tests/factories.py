"""What applicants and staff post, with identity numbers that pass the check digits."""

import datetime

from captcha.models import CaptchaStore

from disclosure.applications.identity import resident_id_check_digit, uscc_check_character

VALID_RESIDENT_ID = "11010519491231002" + resident_id_check_digit("11010519491231002")
VALID_USCC = "91350100M000100Y4" + uscc_check_character("91350100M000100Y4")


def applicant_fields(**overrides):
    fields = {
        "applicant_type": "natural",
        "name": "张三",
        "id_type": "resident_id",
        "id_number": VALID_RESIDENT_ID,
        "phone": "13800000000",
        "address": "友谊镇幸福路1号",
        "description": "2023年友谊镇农村低保资金发放明细",
        "delivery_form": "email",
        "email": "zhang@example.invalid",
        "received_on": datetime.date(2025, 3, 3),
    }
    fields.update(overrides)
    return fields


def staff_form(organisation, **overrides):
    """The admin's "register an offline application" form as staff post it."""
    form = applicant_fields(
        organisation=organisation.pk,
        channel="paper",
        received_on="2025-03-03",
        name="王五",
        phone="13900000000",
        address="友谊镇",
        description="村务公开资料",
        delivery_form="paper",
        email="",
    )
    form.update(overrides)
    return form


def solved_captcha():
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def form_data(org, **overrides):
    data = {
        "organisation": org.pk,
        "applicant_type": "natural",
        "name": "李四",
        "id_type": "resident_id",
        "id_number": VALID_RESIDENT_ID,
        "phone": "0451-1234567",
        "email": "lisi@example.invalid",
        "address": "友谊镇幸福路2号",
        "postcode": "",
        "description": "2023年友谊镇道路硬化工程招标文件",
        "purpose": "",
        "delivery_form": "email",
        **solved_captcha(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
