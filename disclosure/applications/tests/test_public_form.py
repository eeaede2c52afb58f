import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from disclosure.applications.models import ARTICLE_29_FIELDS, Application
from disclosure.applications.tests.factories import (
    VALID_RESIDENT_ID,
    VALID_USCC,
    applicant_fields,
    form_data,
    solved_captcha,
)
from disclosure.catalogue.models import Organisation
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GONGKAI_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.GONGKAI_APPLICATION_RATE = (1000, 3600)
    settings.GONGKAI_APPLICATION_ATTEMPT_RATE = (1000, 3600)
    from django.core.cache import cache

    cache.clear()
    return settings.GONGKAI_PRIVATE_MEDIA_ROOT


def test_the_form_preselects_an_organisation(client, organisation):
    response = client.get(f"/apply/?organisation={organisation.pk}")
    assert response.status_code == 200
    assert f'<option value="{organisation.pk}" selected>' in response.text
    assert "captcha" in response.text


def test_a_valid_application_gives_codes_by_page_and_email_and_the_status_page_shows_it(
    client, organisation
):
    response = client.post("/apply/", form_data(organisation), follow=True)
    assert response.status_code == 200, response.context["form"].errors
    application = Application.objects.get()
    code = response.context["query_code"]
    assert application.tracking_number in response.text and code in response.text
    assert application.channel == "online"
    assert application.received_on == datetime.date.today() or application.received_on
    assert len(mail.outbox) == 1 and code in mail.outbox[0].body
    assert application.events.get().action == "register"

    status = client.post(
        "/apply/status/", {"tracking_number": application.tracking_number, "query_code": code}
    )
    assert '<dd id="state">已收到，待审核</dd>' in status.text
    assert application.due_on.strftime("%Y-%m-%d") in status.text
    wrong = client.post(
        "/apply/status/", {"tracking_number": application.tracking_number, "query_code": "X" * 10}
    )
    assert "申请编号或查询码不正确" in wrong.text and 'id="state"' not in wrong.text


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"id_number": "110105194912310021"}, "id_number", "校验位不正确"),
        ({"id_number": "11010519491331002X"}, "id_number", "出生日期无效"),
        ({"id_number": "12345"}, "id_number", "18位"),
        (
            {"applicant_type": "commercial", "id_type": "uscc", "id_number": VALID_USCC[:-1] + "0"},
            "id_number",
            "统一社会信用代码校验位",
        ),
        ({"applicant_type": "commercial"}, "id_type", "法人或其他组织"),
        ({"name": ""}, "name", "请填写申请人姓名"),
        ({"description": ""}, "description", "请描述所需的政府信息"),
        ({"phone": "abc"}, "phone", "联系电话"),
        ({"email": ""}, "email", "请填写电子邮箱"),
        ({"delivery_form": "paper", "address": ""}, "address", "通信地址"),
        ({"organisation": ""}, "organisation", "请选择受理机关"),
        ({"organisation": "999999"}, "organisation", "请从列表中选择受理机关"),
        ({"captcha_1": "wrong"}, "captcha", "验证码不正确"),
    ],
)
def test_bad_input_gets_a_clear_chinese_error_and_stores_nothing(
    client, organisation, overrides, field, message
):
    response = client.post("/apply/", form_data(organisation, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in error for error in errors.get(field, [])), errors
    assert message in response.text
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("+86 138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("(0571)12345678", "0571-12345678"),
        ("（0571）12345678", "0571-12345678"),
        ("１３８００１３８０００", "13800138000"),
        ("+852 2123 4567", "+852-2123-4567"),
        ("0451－1234567", "0451-1234567"),
        (" 0451-1234567 ", "0451-1234567"),
    ],
)
def test_a_phone_number_written_as_people_write_it_is_accepted_and_stored_plainly(
    client, organisation, typed, stored
):
    response = client.post("/apply/", form_data(organisation, phone=typed))
    assert response.status_code == 302, response.context["form"].errors
    assert Application.objects.get().phone == stored


@pytest.mark.parametrize("typed", ["138 0013 800", "138001380001", "+86 138 0013 80001"])
def test_a_mobile_number_of_other_than_eleven_digits_is_refused(client, organisation, typed):
    response = client.post("/apply/", form_data(organisation, phone=typed))
    assert "手机号码应为11位" in "".join(response.context["form"].errors.get("phone", []))
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "typed", ["123456", "138-0013-8000-1234-56789", "8+6 138", "138 0013 800a"]
)
def test_a_phone_number_of_too_few_or_too_many_digits_or_other_signs_is_refused(
    client, organisation, typed
):
    response = client.post("/apply/", form_data(organisation, phone=typed))
    assert "联系电话" in "".join(response.context["form"].errors.get("phone", []))
    assert not Application.objects.exists()


def test_an_organisation_with_a_valid_credit_code_is_accepted(client, organisation):
    response = client.post(
        "/apply/",
        form_data(
            organisation, applicant_type="legal", id_type="uscc", id_number=VALID_USCC.lower()
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Application.objects.get().id_number == VALID_USCC


def test_identity_numbers_typed_in_full_width_are_read_as_their_ascii_characters(
    client, organisation
):
    full_width = VALID_RESIDENT_ID.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    response = client.post("/apply/", form_data(organisation, id_number=full_width))
    assert response.status_code == 302, response.context["form"].errors
    assert Application.objects.get().id_number == VALID_RESIDENT_ID


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("id.exe", b"MZ" + b"\x00" * 10), "只接受"),
        (SimpleUploadedFile("id.png", b"not really a png"), "不符"),
        (SimpleUploadedFile("id.pdf", b"MZ" + b"\x00" * 10), "文件内容与扩展名不符：“id.pdf”"),
        (SimpleUploadedFile("id.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024)), "不能超过"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(
    client, organisation, private_root, upload, message
):
    response = client.post("/apply/", form_data(organisation, id_proof=upload))
    assert message in response.text
    assert not Application.objects.exists()
    assert not Path(private_root).exists() or not any(Path(private_root).rglob("*.*"))


def test_a_good_upload_is_stored_outside_the_public_media_root(
    client, organisation, private_root, settings
):
    upload = SimpleUploadedFile("id.png", PNG, content_type="image/png")
    response = client.post("/apply/", form_data(organisation, id_proof=upload))
    assert response.status_code == 302, response.context["form"].errors
    stored = Application.objects.get().id_proof
    path = Path(stored.path)
    assert path.is_file() and path.is_relative_to(private_root)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        _ = stored.url


def test_a_rate_limit_per_ip(client, organisation, settings):
    settings.GONGKAI_APPLICATION_ATTEMPT_RATE = (2, 3600)
    for _ in range(2):
        assert client.post("/apply/", {"name": "x"}).status_code == 200
    response = client.post("/apply/", {"name": "x"})
    assert response.status_code == 429 and "过于频繁" in response.text
    # It says what happened to the application and when to come back, in the page's language.
    assert "您刚才提交的申请没有收到，填写的内容也没有保存" in response.text
    assert "最迟 60 分钟后即可再试" in response.text and response["Retry-After"] == "3600"
    english = client.post("/en/apply/", {"name": "x"})
    assert english.status_code == 429
    main = english.text[english.text.index("<main") : english.text.index("</main>")]
    assert "Your application was not received" in main
    assert not re.search(r"[\u4e00-\u9fff]", main)
    # Another address is not affected.
    assert client.post("/apply/", {"name": "x"}, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_refused_submissions_do_not_use_up_the_submission_limit(client, organisation, settings):
    # A citizen fixing typos, or a service hall behind one address, is not locked out by the
    # form's own error messages.
    settings.GONGKAI_APPLICATION_RATE = (10, 3600)
    settings.GONGKAI_APPLICATION_ATTEMPT_RATE = (60, 3600)
    for _ in range(10):
        refused = client.post("/apply/", form_data(organisation, name=""))
        assert refused.status_code == 200 and refused.context["form"].errors
    assert client.post("/apply/", form_data(organisation)).status_code == 302
    assert Application.objects.count() == 1


def test_the_eleventh_accepted_submission_in_an_hour_is_refused(client, organisation, settings):
    settings.GONGKAI_APPLICATION_RATE = (10, 3600)
    settings.GONGKAI_APPLICATION_ATTEMPT_RATE = (60, 3600)
    for _ in range(10):
        assert client.post("/apply/", form_data(organisation)).status_code == 302
    refused = client.post("/apply/", form_data(organisation))
    assert refused.status_code == 429 and "您刚才提交的申请没有收到" in refused.text
    assert refused["Retry-After"] == "3600"
    assert Application.objects.count() == 10
    # Another address still applies.
    other = client.post("/apply/", form_data(organisation), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_a_flood_of_invalid_posts_is_bounded(client, organisation, settings):
    settings.GONGKAI_APPLICATION_RATE = (10, 3600)
    settings.GONGKAI_APPLICATION_ATTEMPT_RATE = (30, 3600)
    codes = [client.post("/apply/", {"name": "x"}).status_code for _ in range(31)]
    assert codes == [200] * 30 + [429]
    # Over the ceiling even a valid application is refused, and nothing is kept.
    assert client.post("/apply/", form_data(organisation)).status_code == 429
    assert Application.objects.count() == 0


def test_failed_status_lookups_are_limited(client, settings):
    settings.GONGKAI_APPLICATION_LOOKUP_RATE = (3, 3600)
    codes = [
        client.post("/apply/status/", {"tracking_number": "X", "query_code": "Y"}).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    refused = client.post("/apply/status/", {"tracking_number": "X", "query_code": "Y"})
    assert "查询办理进度" in refused.text and "申请没有收到" not in refused.text


text = st.text(max_size=300)


class FuzzTheForm(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = Organisation.objects.create(name="模糊测试机关")

    @hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        fields=st.fixed_dictionaries(
            {},
            optional={
                name: st.one_of(
                    text,
                    st.sampled_from(
                        ["natural", "uscc", "resident_id", "email", "paper", VALID_RESIDENT_ID]
                    ),
                )
                for name in ["organisation", *ARTICLE_29_FIELDS]
            },
        ),
        upload=st.one_of(st.none(), st.binary(max_size=200)),
    )
    def test_no_input_makes_a_server_error(self, fields, upload):
        from django.core.cache import cache

        cache.clear()
        data = {k: v.replace("\x00", "") for k, v in fields.items()}
        data.update(solved_captcha())
        if upload is not None:
            data["id_proof"] = SimpleUploadedFile("f.png", upload)
        response = self.client.post("/apply/", data)
        assert response.status_code in (200, 302)  # 302: registered, to the confirmation
        lookup = self.client.post(
            "/apply/status/",
            {"tracking_number": data.get("name", ""), "query_code": data.get("phone", "")},
        )
        assert lookup.status_code in (200, 429)


def test_every_disclosure_root_links_to_the_form_with_its_organisation(client, organisation):
    from wagtail.models import Site

    from disclosure.catalogue.models import DisclosureIndexPage

    home = Site.objects.get(is_default_site=True).root_page
    root = DisclosureIndexPage(
        title="测试政府信息公开", slug="apply-xxgk", organisation=organisation
    )
    home.add_child(instance=root)
    publish_fixture(root)
    page = client.get(root.url)
    link = f"/apply/?organisation={organisation.pk}"
    assert link in page.text
    form = client.get(link)
    assert f'<option value="{organisation.pk}" selected>' in form.text


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting how often a query code is checked."""

    checks = 0

    def verify(self, password, encoded):
        type(self).checks += 1
        return super().verify(password, encoded)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.checks = 0
    return CountingHasher


def test_over_the_lookup_limit_even_the_right_code_is_refused_and_nothing_is_hashed(
    client, organisation, settings, counting_hasher
):
    settings.GONGKAI_APPLICATION_LOOKUP_RATE = (2, 3600)
    application, code = Application.register(
        user=None, organisation=organisation, **applicant_fields()
    )
    right = {"tracking_number": application.tracking_number, "query_code": code}
    for _ in range(2):
        client.post("/apply/status/", {**right, "query_code": "WRONG"})
    counting_hasher.checks = 0
    response = client.post("/apply/status/", right)
    assert response.status_code == 429
    assert counting_hasher.checks == 0


def test_an_unknown_number_costs_the_same_hash_as_a_known_one(
    client, make_application, counting_hasher
):
    application = make_application()
    client.post(
        "/apply/status/", {"tracking_number": application.tracking_number, "query_code": "WRONG"}
    )
    known = counting_hasher.checks
    counting_hasher.checks = 0
    client.post("/apply/status/", {"tracking_number": "NO-SUCH-NUMBER", "query_code": "WRONG"})
    assert known == counting_hasher.checks == 1


def test_the_receipt_mail_links_to_the_status_page_at_the_sites_address(
    client, organisation, settings
):
    # The mail named a page ("申请查询") the site does not have and gave no link to it.
    settings.WAGTAILADMIN_BASE_URL = "http://xxgk.example.gov.cn:8121"
    response = client.post("/apply/", form_data(organisation))
    assert response.status_code == 302, response.context["form"].errors
    body = mail.outbox[0].body
    assert "http://xxgk.example.gov.cn:8121/apply/status/" in body
    assert "申请办理进度查询" in body


def test_a_submission_redirects_to_a_confirmation_that_survives_a_reload(client, organisation):
    # The page that said 申请已提交 was the POST's answer: reloading it posted the form again,
    # whose spent CAPTCHA then said 申请未提交 of an application that was registered.
    response = client.post("/apply/", form_data(organisation))
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == "/apply/submitted/"
    application = Application.objects.get()
    first = client.get("/apply/submitted/")
    assert first.status_code == 200
    code = first.context["query_code"]
    assert code and application.check_query_code(code)
    assert application.tracking_number in first.text and code in first.text
    assert "no-store" in first["Cache-Control"]

    again = client.get("/apply/submitted/")
    assert again.status_code == 200
    assert application.tracking_number in again.text and "申请已提交" in again.text
    assert code not in again.text  # the query code is shown once
    assert "查询码已在提交后显示" in again.text
    assert "申请未提交" not in again.text and "验证码不正确" not in again.text
    assert Application.objects.count() == 1


def test_the_confirmation_shows_nothing_to_whoever_submitted_nothing(client, organisation):
    client.post("/apply/", form_data(organisation))
    from django.test import Client

    stranger = Client()
    response = stranger.get("/apply/submitted/")
    assert response.status_code == 302 and response["Location"] == "/apply/"
    assert Application.objects.get().tracking_number not in stranger.get("/apply/").text


def test_a_mail_server_that_is_down_does_not_lose_the_registered_application(
    client, organisation, settings
):
    """The receipt is sent while the visitor waits; the application is already registered.
    A refused mail must neither answer 500 nor lose the one-time query code, and the page
    must not claim the receipt was sent."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    response = client.post("/apply/", form_data(organisation))
    assert response.status_code == 302
    application = Application.objects.get()
    page = client.get("/apply/submitted/")
    code = page.context["query_code"]
    assert code and application.check_query_code(code)
    assert "回执邮件（含以上信息和查询码）已发往" not in page.text
    assert "回执邮件未能发出" in page.text
    assert "回执邮件中也有查询码" not in client.get("/apply/submitted/").text


def test_the_confirmation_says_where_the_receipt_went_and_claims_no_delivery(client, organisation):
    client.post("/apply/", form_data(organisation))
    first = client.get("/apply/submitted/").text
    assert "回执邮件（含以上信息和查询码）已发往 lisi@example.invalid。" in first
    assert "邮件可能延迟送达或被归入垃圾邮件" in first
    again = client.get("/apply/submitted/").text
    assert "回执邮件中也有查询码" in again


def test_without_an_email_address_the_confirmation_mentions_no_mail(client, organisation):
    client.post("/apply/", form_data(organisation, email="", delivery_form="paper"))
    assert Application.objects.get().email == ""
    for page in (client.get("/apply/submitted/").text, client.get("/apply/submitted/").text):
        assert "回执邮件" not in page and "已发往" not in page


def test_an_invalid_email_gets_one_error_for_one_mistake(client, organisation):
    response = client.post("/apply/", form_data(organisation, email="lisi@", delivery_form="email"))
    assert response.context["form"].errors["email"] == ["电子邮箱格式不正确。"]
    assert "请填写电子邮箱" not in response.text


def test_a_refused_form_tells_the_applicant_to_choose_the_id_file_again_beside_the_field(
    client, organisation, private_root
):
    upload = SimpleUploadedFile("身份证.png", PNG, content_type="image/png")
    response = client.post("/apply/", form_data(organisation, phone="abc", id_proof=upload))
    assert response.status_code == 200 and not Application.objects.exists()
    html = response.text
    field = html[html.index('<div class="field', html.index('for="id_id_proof"') - 200) :]
    field = field[: field.index("</div>")]
    assert "已选择的文件“身份证.png”未能保留，请重新选择该文件后再提交。" in field
    summary = html[html.index('class="errorsummary"') :]
    assert 'href="#id_id_proof"' in summary[: summary.index("</div>")]
    # A form refused for the file itself says only what is wrong with it.
    bad = SimpleUploadedFile("id.png", b"not really a png")
    refused = client.post("/apply/", form_data(organisation, id_proof=bad)).text
    assert "未能保留" not in refused
