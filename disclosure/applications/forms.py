"""The public application form (Art. 29) and the status lookup."""

import unicodedata

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure.applications.challenge import ApplicationCaptchaInput
from disclosure.applications.models import ARTICLE_29_FIELDS, Application, Channel
from disclosure.catalogue.file_contents import check_content, extension_of
from disclosure.catalogue.models import Organisation

# What an ID proof may be; its first bytes must be of that format too (check_content).
PROOF_EXTENSIONS = {"pdf", "jpg", "jpeg", "png"}


def validate_proof(upload):
    if extension_of(upload.name) not in PROOF_EXTENSIONS:
        raise ValidationError(_("身份证明材料只接受 PDF、JPG 或 PNG 文件。"))
    if upload.size > settings.GONGKAI_APPLICATION_PROOF_MAX_BYTES:
        raise ValidationError(
            _("身份证明材料不能超过 %(mb)d MB。")
            % {"mb": settings.GONGKAI_APPLICATION_PROOF_MAX_BYTES // (1024 * 1024)}
        )
    check_content(upload)


class OrganisationChoiceField(forms.ModelChoiceField):
    """The organisations under their names in the page's language (English on /en/ where
    given)."""

    def label_from_instance(self, obj):
        return obj.local_name


class ApplicationForm(forms.ModelForm):
    organisation = OrganisationChoiceField(
        queryset=Organisation.objects.order_by("name"),
        label=_("受理机关"),
        empty_label=_("请选择受理机关"),
        error_messages={
            "required": _("请选择受理机关。"),
            "invalid_choice": _("请从列表中选择受理机关。"),
        },
    )
    id_proof = forms.FileField(
        label=_("身份证明材料（可选）"),
        required=False,
        help_text=_("PDF、JPG 或 PNG，不超过 5 MB。仅供办理人员核对身份，不对外公开。"),
        validators=[validate_proof],
    )
    captcha = CaptchaField(
        label=_("验证码"),
        widget=ApplicationCaptchaInput,
        help_text=_(
            "请输入图中的 4 位数字，看不清可换一张。"
            "无法完成验证码的，可以通过信函、传真或当面提交申请，或致电受理机关求助。"
        ),
        error_messages={
            "invalid": _("验证码不正确，请重新输入。"),
            "required": _("请输入验证码。"),
        },
    )

    class Meta:
        model = Application
        fields = ["organisation", *ARTICLE_29_FIELDS, "id_proof"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    # The prompt each list shows before a choice, instead of Django's "---------".
    prompts = {
        "applicant_type": _("请选择申请人类型"),
        "id_type": _("请选择证件类型"),
        "delivery_form": _("请选择获取信息的方式"),
    }

    required_messages = {
        "applicant_type": _("请选择申请人类型。"),
        "name": _("请填写申请人姓名或名称。"),
        "id_type": _("请选择证件类型。"),
        "id_number": _("请填写证件号码。"),
        "phone": _("请填写联系电话。"),
        "description": _("请描述所需的政府信息（名称、文号或其他特征）。"),
        "delivery_form": _("请选择获取信息的方式。"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.required_messages.items():
            self.fields[name].error_messages["required"] = message
            self.fields[name].error_messages["invalid_choice"] = _("请从列表中选择。")
        self.fields["email"].error_messages["invalid"] = _("电子邮箱格式不正确。")
        for name, prompt in self.prompts.items():
            field = self.fields[name]
            field.choices = [("", prompt), *((k, v) for k, v in field.choices if k != "")]
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="tel")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["address"].widget.attrs.update(autocomplete="street-address")
        self.fields["postcode"].widget.attrs.update(inputmode="numeric", autocomplete="postal-code")

    def clean(self):
        cleaned = super().clean()
        delivery = cleaned.get("delivery_form")
        # An address the field refused already has its error: one mistake, one message.
        if delivery == "email" and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("选择电子邮件方式获取信息时，请填写电子邮箱。"))
        if delivery == "paper" and not cleaned.get("address"):
            self.add_error("address", _("选择邮寄纸质文本时，请填写通信地址。"))
        # The model's own checks (the admin's forms reach them through the model's clean):
        # each runs on a probe of the fields it reads and writes back what it normalised.
        probe = Application(
            applicant_type=cleaned.get("applicant_type"),
            id_type=cleaned.get("id_type"),
            id_number=cleaned.get("id_number") or "",
            phone=cleaned.get("phone") or "",
            postcode=cleaned.get("postcode") or "",
        )
        self._check_with(probe.clean_contact, probe, ["phone", "postcode"])
        if probe.applicant_type and probe.id_type and probe.id_number:
            self._check_with(probe.clean_applicant, probe, ["id_number"])
        return cleaned

    def _check_with(self, check, probe, fields):
        try:
            check()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        else:
            for field in fields:
                if field in self.cleaned_data:
                    self.cleaned_data[field] = getattr(probe, field)

    @property
    def proof_to_choose_again(self):
        """The name of the good ID file a form refused for another field could not keep: a
        browser never refills a file input, so the applicant must choose it again."""
        upload = self.files.get("id_proof") if self.is_bound else None
        if not upload or not self.errors or "id_proof" in self.errors:
            return ""
        return upload.name

    def _post_clean(self):
        # The model's own full_clean would demand the clock fields register() fills in.
        pass

    def register(self):
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if not fields["id_proof"]:
            fields.pop("id_proof")
        return Application.register(
            channel=Channel.ONLINE, received_on=timezone.localdate(), **fields
        )


def as_typed_code(value):
    """A code as the letter gave it, however it was typed: a Chinese input method in full-width
    mode gives ２０２５０３０３－ＡＢＣ (NFKC folds it to 20250303-ABC, and the ideographic
    space to a plain one), and the letter's capitals may be typed in lower case."""
    return unicodedata.normalize("NFKC", value or "").strip().upper()


class StatusForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("申请编号"), max_length=20, error_messages={"required": _("请填写申请编号。")}
    )
    query_code = forms.CharField(
        label=_("查询码"), max_length=20, error_messages={"required": _("请填写查询码。")}
    )

    def clean(self):
        cleaned = super().clean()
        number = as_typed_code(cleaned.get("tracking_number"))
        code = as_typed_code(cleaned.get("query_code"))
        if number and code:
            application = Application.objects.filter(tracking_number=number).first()
            # One message and one hash for both failures: neither the answer nor its timing
            # may reveal which numbers exist.
            if application is None:
                Application.check_against_nothing(code)
            if application is None or not application.check_query_code(code):
                raise ValidationError(_("申请编号或查询码不正确。"))
            cleaned["application"] = application
        return cleaned

    def forget_query_code(self):
        """Render the form again without the query code typed (a shared terminal shows the
        next person the number and the message, never the code); its errors stay."""
        self.errors  # noqa: B018 - validate first: the code is still needed for that
        self.data = self.data.copy()
        self.data.pop("query_code", None)
