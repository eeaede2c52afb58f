"""Wagtail's privacy dialog of a page, asking whoever administers it for a written reason when
the choice lifts or loosens the page's view restriction (view_restrictions.py says why and
enforces it on the model, whatever the path)."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.models import PageViewRestriction

from .force_publish import MIN_REASON_LENGTH
from .view_restrictions import (
    NO_RESTRICTION,
    REASON_NEEDED,
    REFUSED,
    Readers,
    lifting_with_reason,
    may_lift,
)


class ReasonedViewRestrictionForm(PageViewRestrictionForm):
    reason = forms.CharField(
        label=_("放宽访问限制的理由"),
        help_text=_("取消或放宽访问限制时必填，理由将记入审计日志并通知本单位审核人员。"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, page, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.page, self.user = page, user

    def readers_after(self):
        data = self.cleaned_data
        restriction_type = data.get("restriction_type")
        if restriction_type in (None, PageViewRestriction.NONE):
            return NO_RESTRICTION
        return Readers(
            restriction_type,
            data.get("password") or "",
            frozenset(group.pk for group in data.get("groups") or ()),
        )

    def loosens(self):
        before = Readers.of(self.instance) if self.instance.pk else NO_RESTRICTION
        return not before.includes(self.readers_after())

    def clean(self):
        data = super().clean()
        if self.errors or not self.loosens():
            return data
        if not may_lift(self.page, self.user):
            raise forms.ValidationError(REFUSED)
        if len((data.get("reason") or "").strip()) < MIN_REASON_LENGTH:
            self.add_error("reason", REASON_NEEDED)
        return data


class ReasonedSetPrivacyView(SetPrivacyView):
    form_class = ReasonedViewRestrictionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "page": self.page, "user": self.request.user}

    def form_valid(self, form):
        with transaction.atomic(), lifting_with_reason(form.cleaned_data.get("reason")):
            return super().form_valid(form)
