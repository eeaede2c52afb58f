"""A short name (简称) names one organisation: `inspect_site --organisation`, the annual-report
importer and the level lookup resolve an organisation by it. A short name another organisation
already has (as its short name or its full name) is refused where organisations are created and
edited, in Chinese, naming the organisation that has it; the database refuses a duplicate short
name that comes by any other way (a script, two administrators saving at once)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from disclosure.catalogue.models import Organisation
from tests.factories import UserFactory

TOWNSHIP = {"name": "友谊县友谊镇人民政府", "short_name": "友谊镇"}


@pytest.mark.django_db
def test_a_short_name_of_another_organisation_is_refused_on_its_field():
    Organisation.objects.create(**TOWNSHIP)
    other = Organisation(name="友谊县友谊镇人民政府（旧）", short_name="友谊镇")
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    (message,) = refused.value.message_dict["short_name"]
    assert "友谊镇" in message and "友谊县友谊镇人民政府" in message
    assert set(refused.value.message_dict) == {"short_name"}
    other.short_name = "友谊县友谊镇人民政府"  # another organisation's full name
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert "友谊县友谊镇人民政府" in refused.value.message_dict["short_name"][0]


@pytest.mark.django_db
def test_an_organisation_keeps_its_own_short_name_and_several_may_have_none():
    township = Organisation.objects.create(**TOWNSHIP)
    township.full_clean()
    Organisation.objects.create(name="友谊县人民政府办公室")
    Organisation.objects.create(name="友谊县财政局")
    Organisation(name="友谊县教育局").full_clean()


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_short_name_by_any_way():
    Organisation.objects.create(**TOWNSHIP)
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="友谊县友谊镇人民政府（旧）", short_name="友谊镇")


@pytest.mark.django_db
def test_the_admin_form_refuses_a_taken_short_name(client):
    Organisation.objects.create(**TOWNSHIP)
    county = Organisation.objects.create(name="友谊县人民政府办公室", short_name="县政府办")
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailsnippets_catalogue_organisation:edit", args=[county.pk])
    form = {
        "name": county.name,
        "short_name": "友谊镇",
        "code": "",
        "index_pattern": county.index_pattern,
        "level": "",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "简称“友谊镇”已是“友谊县友谊镇人民政府”的名称" in html
    county.refresh_from_db()
    assert county.short_name == "县政府办"
    add = reverse("wagtailsnippets_catalogue_organisation:add")
    response = client.post(add, {**form, "name": "友谊县友谊镇人民政府（旧）"})
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="友谊县友谊镇人民政府（旧）").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "disguise", ["友\u200b谊镇", "\ufeff友谊镇", "友谊镇\u200d", " 友谊 镇\u3000"]
)
def test_an_invisible_character_or_a_space_does_not_make_a_short_name_another(disguise):
    Organisation.objects.create(**TOWNSHIP)
    other = Organisation(name="友谊县友谊镇人民政府（旧）", short_name=disguise)
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert "友谊县友谊镇人民政府" in refused.value.message_dict["short_name"][0]
    assert other.short_name == "友谊镇"


@pytest.mark.django_db
@pytest.mark.parametrize("blank", ["\u200b", " \u3000", "\u200c\u2060\t"])
def test_a_short_name_of_only_invisible_characters_is_refused(blank):
    other = Organisation(name="友谊县财政局", short_name=blank)
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert "不可见" in refused.value.message_dict["short_name"][0]


@pytest.mark.django_db
def test_a_short_name_saved_by_a_script_is_stored_without_invisible_characters():
    township = Organisation.objects.create(name="友谊县友谊镇人民政府", short_name="友\u200b谊镇 ")
    township.refresh_from_db()
    assert township.short_name == "友谊镇"
