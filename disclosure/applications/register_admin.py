"""The staff register in the Wagtail admin: registering offline applications, handling them
through their transitions, and logging every look at an applicant's personal data."""

import json
from typing import NamedTuple

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import ListingButton

from disclosure.applications import outcomes
from disclosure.applications.letters import default_body, reply_letter, reply_letter_pdf
from disclosure.applications.models import (
    ARTICLE_29_FIELDS,
    DEFAULT_CORRECTION_PERIOD,
    MAX_EXTENSION_DAYS,
    Application,
    EventAction,
    ReviewCase,
    TransitionRefused,
)
from disclosure.applications.reminders import deadline_of
from disclosure.applications.scoping import get_scoped_or_404, register_organisations, scope
from disclosure.catalogue.models import Organisation

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REGISTER_FIELDS = ["organisation", "channel", "received_on", *ARTICLE_29_FIELDS]


class OrganisationScopedView:
    """Every view of a scoped viewset: lists, objects and form choices limited to the
    organisations the user handles; anything else is a 404."""

    organisation_field = "organisation"

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if queryset.model is not self.model:
            # A listing of something else about one object (the history view lists log
            # entries): the object itself is checked in get_object().
            return queryset
        return scope(queryset, self.request.user, self.organisation_field)

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is not None:
            same = self.model._default_manager.filter(pk=instance.pk)
            if not scope(same, self.request.user, self.organisation_field).exists():
                raise Http404
        return instance

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for field in form.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is Organisation:
                field.queryset = register_organisations(self.request.user)
            elif model is Application:
                field.queryset = scope(field.queryset, self.request.user)
        return form


class ScopedIndexView(OrganisationScopedView, generic.IndexView):
    pass


class ScopedCreateView(OrganisationScopedView, generic.CreateView):
    pass


class ScopedEditView(OrganisationScopedView, generic.EditView):
    pass


class ScopedDeleteView(OrganisationScopedView, generic.DeleteView):
    pass


class ScopedHistoryView(OrganisationScopedView, HistoryView):
    pass


class ScopedUsageView(OrganisationScopedView, UsageView):
    pass


class ScopedInspectView(OrganisationScopedView, generic.InspectView):
    pass


class ScopedReorderView(OrganisationScopedView, generic.ReorderView):
    pass


class OrganisationScopedViewSet(ModelViewSet):
    organisation_field = "organisation"
    # A copy would show an applicant's data on an unlogged form.
    copy_view_enabled = False
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    reorder_view_class = ScopedReorderView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(organisation_field=self.organisation_field, **kwargs)

    def construct_view(self, view_class, **kwargs):
        # Every view the viewset serves is scoped, a subclass's own views included.
        if not issubclass(view_class, OrganisationScopedView):
            raise ImproperlyConfigured(
                f"{view_class.__name__}: a view of {type(self).__name__} must be an "
                "OrganisationScopedView"
            )
        return super().construct_view(view_class, **kwargs)


class RegisterFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("受理机关"), queryset=lambda request: register_organisations(request.user)
    )

    class Meta:
        model = Application
        fields = ["organisation", "state", "applicant_type", "channel", "outcome"]


class RegisterIndexView(ScopedIndexView):
    filterset_class = RegisterFilterSet
    queryset = Application.objects.select_related("organisation")  # the 公开主体 column

    def get_list_more_buttons(self, instance):
        # An application with no move left (归档) is shown read-only by handle_view: there to
        # read, not to work on.
        closed = not instance.possible_moves()
        return [
            ListingButton(
                _("查看") if closed else _("办理"),
                url=reverse("applications_application:handle", args=[instance.pk]),
                icon_name="arrow-right",
                priority=1,
            ),
            *super().get_list_more_buttons(instance),
        ]


class RegisterView(ScopedCreateView):
    """Offline applications (paper, letter, in person) with their real receipt date (Art. 31)."""

    def save_instance(self):
        fields = {name: self.form.cleaned_data[name] for name in REGISTER_FIELDS}
        application, query_code = Application.register(user=self.request.user, **fields)
        messages.info(
            self.request,
            _("申请编号 %(number)s，查询码 %(code)s（只显示这一次，请告知申请人）。")
            % {"number": application.tracking_number, "code": query_code},
        )
        return application


class LoggedEditView(ScopedEditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        self.object.log_view(request.user, _("打开编辑页面"))
        return response


class LoggedInspectView(ScopedInspectView):
    fields = [*REGISTER_FIELDS, "tracking_number", "state", "due_on", "replied_on", "outcome"]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        self.object.log_view(request.user, _("查看申请详情"))
        return response


# Formatted when shown, in the reader's language (a lazy string's % would format it at import).
CORRECTION_PERIOD_HELP = lazy(
    lambda: gettext("不填则为告知之日起%(days)s个工作日。") % {"days": DEFAULT_CORRECTION_PERIOD},
    str,
)()

# Moves after which nothing more can be recorded: never chosen for the handler, and confirmed.
FINAL_MOVES = {EventAction.ARCHIVE}


class Row(NamedTuple):
    """One field as applications/admin/form_fields.html lays it out: the Wagtail `w-rules`
    condition under which it shows ("" for always), whether it starts hidden, whether its label
    carries the required mark, and notes shown each under a condition of its own."""

    field: forms.BoundField
    rule: str = ""
    hidden: bool = False
    required: bool = False
    notes: tuple = ()


class Note(NamedTuple):
    rule: str
    hidden: bool
    text: str


class StaffForm(forms.Form):
    def rows(self):
        for field in self:
            yield Row(field, required=field.field.required)


class TransitionForm(StaffForm):
    # The moves staff make here, worded as the buttons of a form (the event log says
    # EventAction's shorter labels).
    ACTIONS = [
        (EventAction.REVIEW, _("进入审核")),
        (EventAction.REQUEST_CORRECTION, _("告知补正")),
        (EventAction.RECEIVE_CORRECTION, _("收到补正")),
        (EventAction.CLOSE_UNCORRECTED, _("逾期不补正，终止办理")),
        (EventAction.ACCEPT, _("进入办理")),
        (EventAction.CONSULT, _("征求第三方或其他机关意见")),
        (EventAction.END_CONSULTATION, _("收到意见（结束征求意见）")),
        (EventAction.EXTEND, _("延期答复")),
        (EventAction.NOTIFY_FEE, _("发出收费通知")),
        (EventAction.RECEIVE_FEE, _("收到费用")),
        (EventAction.CLOSE_UNPAID, _("逾期未缴费，终止办理")),
        (EventAction.REPLY, _("答复")),
        (EventAction.ARCHIVE, _("归档")),
    ]
    action = forms.ChoiceField(label=_("操作"), choices=ACTIONS)
    # Wagtail's date picker, as in the page editor (a native date input showed the browser's
    # mm/dd/yyyy); most steps are recorded on the day they are made.
    on = forms.DateField(label=_("办理日期"), widget=AdminDateInput, initial=timezone.localdate)
    outcome = forms.ChoiceField(
        label=_("答复类型"), choices=[("", "—"), *outcomes.REPLY_CHOICES], required=False
    )
    days = forms.IntegerField(
        label=_("延长工作日数"), min_value=1, max_value=MAX_EXTENSION_DAYS, required=False
    )
    approved_by = forms.CharField(label=_("延期批准人"), required=False)
    party = forms.CharField(label=_("征求意见对象"), required=False)
    amount = forms.DecimalField(label=_("收费金额（元）"), required=False, min_value=0)
    correction_due_on = forms.DateField(
        label=_("补正期限"),
        required=False,
        widget=AdminDateInput,
        help_text=CORRECTION_PERIOD_HELP,
    )
    # After the move's own fields: 答复类型 decides whether a reason is needed.
    reason = forms.CharField(label=_("说明或理由"), widget=forms.Textarea, required=False)

    # The fields a move takes beside its date and reason, shown for that move only (the form's
    # w-rules controller); without JavaScript every field shows.
    FIELD_OF_MOVE = {
        "outcome": EventAction.REPLY,
        "days": EventAction.EXTEND,
        "approved_by": EventAction.EXTEND,
        "party": EventAction.CONSULT,
        "amount": EventAction.NOTIFY_FEE,
        "correction_due_on": EventAction.REQUEST_CORRECTION,
        "confirm_archive": EventAction.ARCHIVE,
    }

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        if application is not None:
            self._offer_the_moves_of(application)

    # Moves whose record needs the 说明或理由, always or in the case said (the model refuses them
    # without it): said under the field when the move is chosen.
    REASON_NEEDED_FOR = {
        EventAction.REQUEST_CORRECTION: _("必填：写明需要补正的事项。"),
        EventAction.RECEIVE_CORRECTION: _("补正已逾期的，须写明接受补正的理由。"),
        EventAction.REPLY: _("“予以公开”以外的答复，须写明理由和依据。"),
    }

    def rows(self):
        chosen = self["action"].value() or ""

        def shown_for(move):
            return json.dumps({"action": str(move)}), chosen != move

        for field in self:
            move = self.FIELD_OF_MOVE.get(field.name)
            if field.name == "reason":
                notes = tuple(
                    Note(*shown_for(move), text) for move, text in self.REASON_NEEDED_FOR.items()
                )
                yield Row(field, notes=notes)
            elif move is None:
                yield Row(field, required=field.field.required)
            else:
                # Each field of a move is needed by it (the model refuses the move without it,
                # the form 归档 without its tick), but 补正期限: the statutory period when empty.
                optional = field.name == "correction_due_on"
                yield Row(field, *shown_for(move), required=not optional)

    def _offer_the_moves_of(self, application):
        """The list shows only the moves the application's state allows (models.MOVES_FROM); the
        one move chosen already when there is only one, none when there are several (a
        preselected move would be recorded by a handler who did not look). Any move still
        validates, so that one made stale by another handler meanwhile is refused by the model
        with the state it is in."""
        labels = dict(self.ACTIONS)
        moves = application.possible_moves()
        offered = [(move, labels[move]) for move in moves]
        field = self.fields["action"]
        if len(moves) == 1 and moves[0] not in FINAL_MOVES:
            field.initial = moves[0]
        else:
            offered = [("", _("（请选择）")), *offered]
        field.widget.choices = offered
        if FINAL_MOVES & set(moves):
            # 归档 closes the file for good: a checkbox to tick, which needs no JavaScript.
            self.fields["confirm_archive"] = forms.BooleanField(
                label=_("确认归档"),
                required=False,
                help_text=_("归档后本申请办理结束，不能再记录任何办理操作。"),
            )
        self.fields["outcome"].choices = [("", "—"), *application.possible_outcomes()]
        if not moves:
            field.help_text = _("当前状态为“%(state)s”，没有可以记录的办理操作。") % {
                "state": application.get_state_display()
            }

    def clean(self):
        cleaned = super().clean()
        # Without the field (the move is not open in this state) the model refuses it anyway.
        asked = "confirm_archive" in self.fields
        if asked and cleaned.get("action") in FINAL_MOVES and not cleaned.get("confirm_archive"):
            self.add_error("confirm_archive", _("请勾选“确认归档”后再记录归档。"))
        return cleaned

    def apply(self, application, user):
        d = self.cleaned_data
        action, on, reason = d["action"], d["on"], d["reason"] or ""
        calls = {
            EventAction.REQUEST_CORRECTION: lambda: application.request_correction(
                user, on, reason, due_on=d["correction_due_on"]
            ),
            EventAction.CONSULT: lambda: application.consult(user, on, d["party"] or "", reason),
            EventAction.EXTEND: lambda: application.extend(
                user, on, d["days"] or 0, d["approved_by"] or "", reason
            ),
            EventAction.NOTIFY_FEE: lambda: application.notify_fee(user, on, d["amount"], reason),
            EventAction.REPLY: lambda: application.reply(user, on, d["outcome"], reason),
        }
        call = calls.get(action) or (lambda: getattr(application, action)(user, on, reason))
        call()


NOT_RECORDED = _("没有记录：请按表单中标出的提示修改后再提交。")


def show_refusal(form, refusal):
    """A refusal about one field (TransitionRefused.field) is shown at that field, beside
    what the handler must change; any other above the form."""
    if hasattr(refusal, "error_dict") and not refusal.error_dict.keys() <= form.fields.keys():
        refusal = TransitionRefused(refusal.messages[0])
    form.add_error(None, refusal)


def handle_view(request, pk):
    """Move an application on; a refused move shows why and changes nothing."""
    if not request.user.has_perm("applications.change_application"):
        raise PermissionDenied
    application = get_scoped_or_404(Application.objects.all(), request.user, pk=pk)
    # A closed file (归档) has no move left: it is shown read-only, with its record.
    closed = not application.possible_moves()
    form = None if closed else TransitionForm(request.POST or None, application=application)
    if request.method == "POST" and closed:
        messages.error(request, NOT_RECORDED)
    elif request.method == "POST" and not form.is_valid():
        # On a long page the field's own error is out of sight: say it at the top too.
        messages.error(request, NOT_RECORDED)
    elif request.method == "POST":
        try:
            form.apply(application, request.user)
        except TransitionRefused as refusal:
            application.refresh_from_db()
            show_refusal(form, refusal)
            messages.error(request, NOT_RECORDED)
        else:
            messages.success(
                request,
                _("已记录：%(action)s")
                % {"action": dict(TransitionForm.ACTIONS)[form.cleaned_data["action"]]},
            )
            return redirect("applications_application:handle", pk=application.pk)
    return TemplateResponse(
        request,
        "applications/admin/handle.html",
        {
            "application": application,
            "deadline": deadline_of(application),
            "form": form,
            "events": application.events.exclude(action=EventAction.VIEW),
            "edit_url": reverse("applications_application:edit", args=[application.pk]),
        },
    )


def _letter_download(request, pk, render, content_type, extension):
    """A draft or issued 告知书 to check or edit; it names the applicant, so the look is logged."""
    if not request.user.has_perm("applications.change_application"):
        raise PermissionDenied
    application = get_scoped_or_404(Application.objects.all(), request.user, pk=pk)
    if not application.replied_on:
        raise Http404
    application.log_view(request.user, _("下载答复告知书"))
    response = HttpResponse(render(application), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="reply-{application.tracking_number}.{extension}"'
    )
    return response


def letter_view(request, pk):
    return _letter_download(request, pk, reply_letter, DOCX, "docx")


def letter_pdf_view(request, pk):
    return _letter_download(request, pk, reply_letter_pdf, "application/pdf", "pdf")


class LetterForm(StaffForm):
    text = forms.CharField(
        label=_("告知书正文"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("段落之间空一行。出具后不能再修改。"),
        error_messages={"required": _("告知书正文不能为空。")},
    )
    on = forms.DateField(
        label=_("出具日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("仅在出具时填写。"),
    )


def letter_edit_view(request, pk):
    """Rewrite the body of the 告知书 and issue it; after issue it is read-only."""
    if not request.user.has_perm("applications.change_application"):
        raise PermissionDenied
    application = get_scoped_or_404(Application.objects.all(), request.user, pk=pk)
    if not application.replied_on:
        raise Http404
    initial = {"text": application.letter_text or default_body(application)}
    form = LetterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        issuing = "issue" in request.POST
        try:
            if issuing and not form.cleaned_data["on"]:
                raise TransitionRefused(_("出具告知书请填写出具日期。"), field="on")
            with transaction.atomic():
                if form.cleaned_data["text"].strip() != initial["text"].strip():
                    application.edit_letter(request.user, form.cleaned_data["text"])
                if issuing:
                    application.issue_letter(request.user, form.cleaned_data["on"])
        except TransitionRefused as refusal:
            application.refresh_from_db()
            show_refusal(form, refusal)
            messages.error(request, NOT_RECORDED)
        else:
            messages.success(request, _("告知书已出具。") if issuing else _("告知书已保存。"))
            return redirect("applications_application:letter_edit", pk=application.pk)
    else:
        application.log_view(request.user, _("查看答复告知书"))
    return TemplateResponse(
        request,
        "applications/admin/letter.html",
        {"application": application, "form": form},
    )


class DueColumn(Column):
    """答复期限, marked 已逾期 in red as on the handlers' dashboard (the register looked the same
    for an application past its deadline); 逾期答复, replied late, unmarked: nothing is left to
    do."""

    cell_template_name = "applications/admin/due_cell.html"


class ApplicationViewSet(OrganisationScopedViewSet):
    model = Application
    icon = "mail"
    menu_label = _("依申请公开")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegisterIndexView
    add_view_class = RegisterView
    edit_view_class = LoggedEditView
    inspect_view_enabled = True
    inspect_view_class = LoggedInspectView
    form_fields = REGISTER_FIELDS
    list_display = [
        "tracking_number",
        "organisation",
        Column("applicant_type", label=_("申请人类型"), accessor="get_applicant_type_display"),
        "received_on",
        Column("state", label=_("状态"), accessor="get_state_display"),
        DueColumn("due_on", label=_("答复期限")),
        "replied_on",
    ]
    list_filter = ["organisation", "state", "applicant_type", "channel", "outcome"]
    # Searched in the database, never put in a search index: the register holds personal data.
    search_fields = ["tracking_number", "description"]
    search_backend_name = None
    list_export = []

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("handle/<int:pk>/", handle_view, name="handle"),
            path("letter/<int:pk>/", letter_view, name="letter"),
            path("letter/<int:pk>/pdf/", letter_pdf_view, name="letter_pdf"),
            path("letter/<int:pk>/edit/", letter_edit_view, name="letter_edit"),
        ]


class ReviewCaseViewSet(OrganisationScopedViewSet):
    organisation_field = "application__organisation"
    model = ReviewCase
    icon = "clipboard-list"
    menu_label = _("复议诉讼案件")
    add_to_admin_menu = True
    menu_order = 251
    form_fields = ["application", "kind", "filed_on", "outcome", "decided_on", "note"]
    list_display = ["application", "kind", "filed_on", "outcome", "decided_on"]
    list_filter = ["kind", "outcome"]
    search_backend_name = None


application_viewset = ApplicationViewSet("applications_application")
review_case_viewset = ReviewCaseViewSet("applications_reviewcase")
