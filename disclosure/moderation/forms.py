"""Forms that carry a reviewer's decision: a send-back needs a reason, a secrecy approval needs
every item of the checklist affirmed."""

from django import forms
from django.utils.translation import gettext_lazy as _

# (field name, statement the secrecy reviewer affirms). Art. 14–16 of the 政府信息公开条例.
SECRECY_CHECKLIST = [
    ("no_state_secrets", _("不涉及国家秘密")),
    ("no_forbidden_by_law", _("不含法律、行政法规禁止公开的信息")),
    ("no_security_risk", _("公开后不会危及国家安全、公共安全、经济安全和社会稳定")),
    (
        "no_trade_secret_or_privacy",
        _("不涉及商业秘密、个人隐私，或已取得权利人同意、不公开会对公共利益造成重大影响"),
    ),
    (
        "art16_checked",
        _(
            "已核查：不属于人事管理、后勤管理、内部工作流程等内部事务信息，也不属于过程性信息或行政执法案卷信息（第十六条）"
        ),
    ),
]


class ReviewCommentForm(forms.Form):
    comment = forms.CharField(label=_("审核意见"), widget=forms.Textarea, required=False)


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("退回理由"),
        widget=forms.Textarea,
        required=True,
        error_messages={"required": _("退回稿件必须填写退回理由。")},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("退回稿件必须填写退回理由。"))
        return comment


class SecrecyChecklistForm(ReviewCommentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, statement in SECRECY_CHECKLIST:
            self.fields[name] = forms.BooleanField(
                label=statement,
                required=True,
                error_messages={"required": _("保密审查清单每一项都必须确认后才能通过。")},
            )
        # The comment field last, after the statements it qualifies.
        self.order_fields([name for name, _statement in SECRECY_CHECKLIST] + ["comment"])

    @staticmethod
    def signed_answers(cleaned_data):
        return {str(name): bool(cleaned_data.get(name)) for name, _statement in SECRECY_CHECKLIST}
