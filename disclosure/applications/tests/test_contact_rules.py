"""A phone number and a postcode follow one rule in the register, whoever types them: the
applicant on the public form or a 依申请办理 clerk registering or editing in the admin."""

import pytest
from django.core.exceptions import ValidationError

from disclosure.applications.models import Application

from .factories import applicant_fields, form_data, staff_form

pytestmark = pytest.mark.django_db

REGISTER = "/admin/applications_application/new/"


def public_post(client, organisation, **fields):
    response = client.post("/apply/", form_data(organisation, **fields))
    return response, response.context["form"].errors if response.status_code == 200 else {}


def staff_post(client, organisation, **fields):
    response = client.post(REGISTER, staff_form(organisation, **fields))
    return response, response.context["form"].errors if response.status_code == 200 else {}


@pytest.fixture(params=["public", "staff"])
def post(request, client, organisation):
    """Post an application through one of the two forms, as its user."""
    if request.param == "staff":
        client.force_login(request.getfixturevalue("handler"))
        return lambda **fields: staff_post(client, organisation, **fields)
    return lambda **fields: public_post(client, organisation, **fields)


def test_a_ten_digit_mobile_is_refused_beside_the_phone_field(post):
    _response, errors = post(phone="1380013800")
    assert "手机号码应为11位数字，请核对是否多输或少输。" in errors.get("phone", [])
    assert not Application.objects.exists()


@pytest.mark.parametrize("typed", ["12345678901", "10086000000", "+86 11012345678"])
def test_a_mobile_no_mainland_network_gives_is_refused_beside_the_phone_field(post, typed):
    _response, errors = post(phone=typed)
    assert "手机号码的第二位应为3至9（如138、159、186开头），请核对。" in errors.get("phone", [])
    assert not Application.objects.exists()


def test_a_phone_of_other_signs_is_refused_beside_the_phone_field(post):
    _response, errors = post(phone="138 0013 800a")
    assert any("联系电话应为7至15位数字" in message for message in errors.get("phone", []))
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "typed, stored",
    [("+86 138 0013 8000", "13800138000"), ("（0571）12345678", "0571-12345678")],
)
def test_a_phone_is_stored_one_way(post, typed, stored):
    response, errors = post(phone=typed)
    assert response.status_code == 302, errors
    assert Application.objects.get().phone == stored


@pytest.mark.parametrize("typed", ["15580", "1558000", "15580a", "1558 0"])
def test_a_postcode_of_other_than_six_digits_is_refused_beside_its_field(post, typed):
    _response, errors = post(postcode=typed)
    assert "邮政编码应为6位数字。" in errors.get("postcode", [])
    assert not Application.objects.exists()


def test_a_postcode_is_stored_without_the_spaces_around_it(post):
    response, errors = post(postcode=" 155800 ")
    assert response.status_code == 302, errors
    assert Application.objects.get().postcode == "155800"


def test_an_edit_in_the_admin_follows_the_same_rules(handler_client, make_application):
    application = make_application()
    url = f"/admin/applications_application/edit/{application.pk}/"
    fields = staff_form(application.organisation, phone="1380013800")
    refused = handler_client.post(url, fields)
    assert "手机号码应为11位数字，请核对是否多输或少输。" in refused.context["form"].errors["phone"]
    handler_client.post(url, {**fields, "phone": "+86 138 0013 8000", "postcode": "１５５８００"})
    application.refresh_from_db()
    assert (application.phone, application.postcode) == ("13800138000", "155800")


def test_the_register_itself_refuses_a_number_no_form_checked(organisation):
    with pytest.raises(ValidationError) as refused:
        Application.register(organisation=organisation, **applicant_fields(phone="1380013800"))
    assert "phone" in refused.value.message_dict
