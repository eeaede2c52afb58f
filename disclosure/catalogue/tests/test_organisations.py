import pytest
from django.core.exceptions import ValidationError

from disclosure.catalogue.codes import validate_organisation_identifier
from disclosure.catalogue.models import Domain, Organisation


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y43", "1123052200432650XW", "D2143569X", "D2143569-X", "d2143569x"],
)
def test_valid_identifiers_pass(code):
    validate_organisation_identifier(code)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91350100M000100Y44", "统一社会信用代码校验位不正确"),
        ("91350100M000100I43", "不含 I、O、S、V、Z"),
        ("D21435691", "组织机构代码校验位不正确"),
        ("12345", "18 位统一社会信用代码或 9 位组织机构代码"),
    ],
)
def test_invalid_identifiers_get_a_chinese_reason(code, message):
    with pytest.raises(ValidationError) as error:
        validate_organisation_identifier(code)
    assert message in error.value.messages[0]


@pytest.mark.django_db
def test_organisation_validates_code_and_pattern():
    organisation = Organisation(
        name="某镇", code="91350100M000100Y44", index_pattern="{code}/{year}"
    )
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert set(error.value.message_dict) == {"code", "index_pattern"}
    assert "{serial}" in error.value.message_dict["index_pattern"][0]


@pytest.mark.django_db
def test_default_pattern_formats_index_numbers():
    organisation = Organisation.objects.create(name="某镇", code="1123052200432650XW")
    assert organisation.index_number(2024, 2411) == "1123052200432650XW/2024-02411"


@pytest.mark.django_db
def test_the_26_domains_are_seeded_and_editable():
    assert Domain.objects.count() == 26
    assert list(Domain.objects.values_list("name", flat=True)[:2]) == ["城乡规划", "重大建设项目"]
    Domain.objects.create(name="乡村振兴", sort_order=27)
    assert Domain.objects.count() == 27
