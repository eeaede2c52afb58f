"""Every demo account can save its own account page (账户 → 姓名) as loaded: Wagtail's form asks
for both 姓 and 名, so each demo person has both; and someone who clears one of them is told
which field is missing and what to write there, not only “必需字段”."""

from django.urls import reverse

from home import demo_content
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

ACCOUNT = reverse("wagtailadmin_account")


def account_form(client):
    """The account page's fields as the browser would send them unchanged: every panel's
    form with its initial values (a blank password change leaves the password alone)."""
    response = client.get(ACCOUNT)
    assert response.status_code == 200
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value in (None, False) or name == "avatar":
                    continue
                data[form.add_prefix(name)] = getattr(value, "pk", value)
    return data


def test_every_demo_account_saves_its_account_page_unchanged(client, django_user_model):
    for username, *_rest in demo_content.ACCOUNTS:
        user = django_user_model.objects.get(username=username)
        assert user.first_name and user.last_name, username
        client.force_login(user)
        response = client.post(ACCOUNT, account_form(client))
        assert response.status_code == 302, username  # saved, back to the account page


def test_a_missing_family_name_is_named_with_what_to_write(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="editor"))
    data = account_form(client) | {"name_email-last_name": ""}
    page = client.post(ACCOUNT, data).content.decode()
    assert "请填写姓" in page


def test_the_user_form_of_administrators_names_the_missing_field_too(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    page = client.post(reverse("wagtailusers_users:add"), {"username": "new-person"})
    assert "请填写名" in page.content.decode() and "请填写姓" in page.content.decode()
