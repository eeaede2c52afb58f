import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.search import index

from disclosure.applications.models import Application, State
from disclosure.applications.tasks import send_deadline_reminders
from disclosure.applications.tests.factories import staff_form

D = datetime.date
pytestmark = pytest.mark.django_db


def test_only_handlers_and_administrators_see_the_register(client, handler_client):
    assert handler_client.get("/admin/applications_application/").status_code == 200
    other = get_user_model().objects.create_user("editor", password="pw")
    other.groups.add(Group.objects.get(name="信息员"))
    client.force_login(other)
    assert client.get("/admin/applications_application/").status_code in (302, 403)
    admins = Group.objects.get(name="管理员")
    assert admins.permissions.filter(codename="change_application").exists()


def test_staff_register_an_offline_application_with_its_receipt_date(handler_client, organisation):
    response = handler_client.post(
        "/admin/applications_application/new/",
        staff_form(organisation, channel="letter", postcode="", purpose=""),
        follow=True,
    )
    application = Application.objects.get()
    assert application.channel == "letter" and application.received_on == D(2025, 3, 3)
    assert application.due_on == D(2025, 3, 31)
    assert "查询码" in response.text
    assert application.events.get().user_name == "赵办理"


def test_a_bad_id_number_is_refused_in_the_admin_too(handler_client, organisation):
    response = handler_client.post(
        "/admin/applications_application/new/",
        staff_form(organisation, id_number="110105194912310021", phone="1", description="x"),
    )
    assert response.status_code == 200 and "校验位" in response.text
    assert not Application.objects.exists()


def test_transitions_from_the_admin_and_refusals_shown(handler_client, make_application):
    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    assert handler_client.get(url).status_code == 200
    refused = handler_client.post(url, {"action": "archive", "on": "2025-03-04"})
    assert "不能归档" in refused.text
    application.refresh_from_db()
    assert application.state == State.REGISTERED

    handler_client.post(url, {"action": "accept", "on": "2025-03-04"})
    handler_client.post(
        url,
        {
            "action": "extend",
            "on": "2025-03-20",
            "days": "10",
            "approved_by": "李主任",
            "reason": "需调档",
        },
    )
    handler_client.post(
        url, {"action": "reply", "on": "2025-03-25", "outcome": "granted", "reason": ""}
    )
    application.refresh_from_db()
    assert application.state == State.REPLIED and application.outcome == "granted"
    assert application.extension_approved_by == "李主任"
    assert list(application.events.values_list("user_name", flat=True))[-1] == "赵办理"


def test_every_view_of_personal_data_is_logged(handler_client, handler, make_application):
    application = make_application()
    handler_client.get(f"/admin/applications_application/edit/{application.pk}/")
    handler_client.get(f"/admin/applications_application/inspect/{application.pk}/")
    views = application.events.filter(action="view")
    assert views.count() == 2 and {v.user for v in views} == {handler}


def test_personal_data_is_neither_indexed_nor_in_the_api(client, make_application):
    from disclosure.moderation.publishing.public_api import api_router

    application = make_application(name="独特姓名甲", description="独特描述乙")
    for query in ("独特姓名甲", "独特描述乙", application.tracking_number):
        found = client.get("/search/", {"q": query})
        assert found.status_code == 200 and not list(found.context["search_results"])
        pages = client.get("/api/v2/pages/", {"search": query})
        assert pages.json()["meta"]["total_count"] == 0
    assert not issubclass(Application, index.Indexed)
    served = {getattr(endpoint, "model", None) for endpoint in api_router._endpoints.values()}
    assert Application not in served
    assert not any("application" in name for name in api_router._endpoints)


def test_dashboard_panel_and_reminders(
    handler_client, make_application, organisation, django_capture_on_commit_callbacks
):
    overdue = make_application(received_on=D(2020, 3, 2))
    dashboard = handler_client.get("/admin/")
    assert overdue.tracking_number in dashboard.text and "已逾期" in dashboard.text
    organisation.email = "office@example.invalid"
    organisation.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders() == 1
    assert overdue.tracking_number in mail.outbox[0].body
    assert "office@example.invalid" in mail.outbox[0].to
    assert "handler@example.invalid" in mail.outbox[0].to


def test_a_handler_reads_the_history_of_an_own_application_and_not_of_another(
    handler_client, make_application
):
    from disclosure.catalogue.models import Organisation

    own = make_application()
    assert handler_client.get(f"/admin/applications_application/history/{own.pk}/").status_code == (
        200
    )
    other_organisation = Organisation.objects.create(name="另一机关")
    other = make_application(organisation=other_organisation)
    response = handler_client.get(f"/admin/applications_application/history/{other.pk}/")
    assert response.status_code == 404


# ---------------------------------------------- the handle form does the handler's work (issue 17)


def offered_moves(response):
    field = response.context["form"]["action"]
    return [value for value, _label in field.field.widget.choices]


def test_the_handle_form_offers_the_moves_of_the_state_and_today(handler_client, make_application):
    from django.utils import timezone

    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    registered = handler_client.get(url)
    # Received long ago: the correction notice's 7 working days and the deadline are past.
    assert offered_moves(registered) == ["", "review", "accept", "reply"]
    assert registered.context["form"]["on"].value() == timezone.localdate()
    html = registered.text
    assert 'type="date"' not in html  # Wagtail's date picker, as in the page editor
    assert "（请选择）" in html

    handler_client.post(url, {"action": "accept", "on": "2025-03-04"})
    handling = handler_client.get(url)
    assert offered_moves(handling) == ["", "consult", "notify_fee", "reply"]
    handler_client.post(url, {"action": "reply", "on": "2025-03-05", "outcome": "granted"})
    replied = handler_client.get(url)
    # One move left, but final (归档 closes the file): not chosen for the handler, and it asks
    # for a confirmation that works without JavaScript.
    assert offered_moves(replied) == ["", "archive"]
    assert not replied.context["form"]["action"].value()
    assert "confirm_archive" in replied.context["form"].fields
    unconfirmed = handler_client.post(url, {"action": "archive", "on": "2025-03-06"})
    assert "确认归档" in unconfirmed.text
    application.refresh_from_db()
    assert application.state == State.REPLIED
    nothing_chosen = handler_client.post(url, {"action": "", "on": "2025-03-06"})
    assert nothing_chosen.status_code == 200
    application.refresh_from_db()
    assert application.state == State.REPLIED
    # A move made stale (another handler answered meanwhile) is refused with the state's name.
    stale = handler_client.post(url, {"action": "reply", "on": "2025-03-05", "outcome": "granted"})
    assert "当前状态为“已答复”，不能答复。" in stale.text


def test_the_handle_form_offers_no_move_the_procedure_no_longer_allows(
    handler_client, make_application
):
    from django.utils import timezone

    today = timezone.localdate()
    application = make_application(received_on=today)
    url = f"/admin/applications_application/handle/{application.pk}/"
    assert "request_correction" in offered_moves(handler_client.get(url))
    handler_client.post(url, {"action": "accept", "on": today.isoformat()})
    handling = handler_client.get(url)
    assert "extend" in offered_moves(handling)
    outcome_values = [value for value, _label in handling.context["form"]["outcome"].field.choices]
    assert "granted" in outcome_values
    assert "unable_unclear" not in outcome_values  # no correction was received
    handler_client.post(
        url,
        {
            "action": "extend",
            "on": today.isoformat(),
            "days": "10",
            "approved_by": "王主任",
            "reason": "需要调取档案",
        },
    )
    application.refresh_from_db()
    assert application.extension_days == 10
    assert "extend" not in offered_moves(handler_client.get(url))  # one extension only


def test_an_incomplete_handle_form_says_so_at_the_top(handler_client, make_application):
    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    for data in ({"action": "accept", "on": ""}, {"action": "archive", "on": "2025-03-04"}):
        response = handler_client.post(url, data)
        assert response.status_code == 200
        notices = [str(message) for message in response.context["messages"]]
        assert notices == ["没有记录：请按表单中标出的提示修改后再提交。"]
    application.refresh_from_db()
    assert application.state == State.REGISTERED


def test_the_handle_page_says_the_application_is_overdue(handler_client, make_application):
    application = make_application(received_on=D(2025, 3, 3))
    response = handler_client.get(f"/admin/applications_application/handle/{application.pk}/")
    assert application.is_overdue()
    assert "已逾期" in response.text and "个工作日" in response.text


def archive_through_the_handle_form(handler_client, application):
    """Accept, reply and archive an application received on 2025-03-03, as the handler's form
    records them; return the form's address."""
    url = f"/admin/applications_application/handle/{application.pk}/"
    for step in (
        {"action": "accept", "on": "2025-03-04"},
        {"action": "reply", "on": "2025-03-25", "outcome": "granted", "reason": ""},
        {"action": "archive", "on": "2025-03-26", "confirm_archive": "on"},
    ):
        handler_client.post(url, step)
    return url


def test_an_archived_application_is_shown_read_only(handler_client, make_application):
    application = make_application(received_on=D(2025, 3, 3))
    url = archive_through_the_handle_form(handler_client, application)
    application.refresh_from_db()
    assert application.state == State.ARCHIVED
    page = handler_client.get(url).text
    main = page[page.index('<div class="nice-padding">') :]
    # No input, select or text area to fill, no 记录 button: the file is closed.
    for control in ("<input", "<select", "<textarea", "记录</button>"):
        assert control not in main.replace('type="hidden"', ""), control
    assert "已归档，办理已结束" in main
    # The record of what was done stays.
    assert "办理记录" in main and "归档" in main
    # A post made from a page opened before the archiving changes nothing.
    events = application.events.count()
    refused = handler_client.post(url, {"action": "reply", "on": "2025-03-27"})
    assert refused.status_code == 200 and "没有记录" in refused.text
    assert application.events.count() == events


def test_a_refused_reply_is_explained_at_the_field_to_change(handler_client, make_application):
    """A reply without its 答复类型 was refused above the 记录 button, far from the field."""
    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    handler_client.post(url, {"action": "accept", "on": "2025-03-04"})
    cases = [
        ({"outcome": "", "reason": ""}, "outcome", "请选择答复类型。"),
        ({"outcome": "unable_no_info", "reason": " "}, "reason", "请写明理由"),
    ]
    for fields, field, error in cases:
        response = handler_client.post(url, {"action": "reply", "on": "2025-03-25", **fields})
        form = response.context["form"]
        assert form.non_field_errors() == []
        assert any(error in message for message in form.errors[field]), form.errors
        html = response.text
        assert html.index(error) < html.index(f'name="{field}"') < html.index("记录</button>")
    application.refresh_from_db()
    assert application.state == State.HANDLING


def test_an_archived_applications_record_cannot_be_edited(handler_client, make_application):
    """Its 查看 page said the file was closed, yet its edit form saved changes to the record
    the year's statistics counted."""
    application = make_application(received_on=D(2025, 3, 3), name="归档申请人")
    archive_through_the_handle_form(handler_client, application)
    edit = f"/admin/applications_application/edit/{application.pk}/"
    response = handler_client.post(edit, staff_form(application.organisation, name="改过的姓名"))
    assert response.status_code == 200
    assert "本申请已归档，办理已结束，登记内容不能再修改。" in response.text
    application.refresh_from_db()
    assert application.name == "归档申请人" and application.state == State.ARCHIVED


def test_the_handle_form_shows_the_fields_of_the_chosen_move_only(handler_client, make_application):
    """答复 showed 延长工作日数, 收费金额 and every other move's fields beside 答复类型. Each such
    field now shows for its move only (Wagtail's w-rules controller); 日期 and 理由 always."""
    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    handler_client.post(url, {"action": "accept", "on": "2025-03-04"})

    def wrapper(html, name):
        end = html.index(f'name="{name}"')
        return html[html.rindex('<div class="w-field__wrapper"', 0, end) : end]

    page = handler_client.get(url).text
    assert 'data-controller="w-rules"' in page
    outcome = wrapper(page, "outcome")
    assert 'data-w-rules-target="show"' in outcome and "&quot;reply&quot;" in outcome
    assert " hidden>" in outcome  # no move chosen yet
    assert "data-w-rules" not in wrapper(page, "reason")

    refused = handler_client.post(url, {"action": "reply", "on": "2025-03-25"}).text
    assert " hidden>" not in wrapper(refused, "outcome")  # the chosen move's field, its error
    assert " hidden>" in wrapper(refused, "days")


def test_the_handle_form_marks_what_the_chosen_move_needs(handler_client, make_application):
    """延期 without a number of days was refused for exceeding 20 days, and nothing marked the
    说明或理由 a 补正告知 or a refusal needs. Each field a move needs carries the required mark,
    and the reason field says, for the move chosen, when it must be written."""
    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    handler_client.post(url, {"action": "accept", "on": "2025-03-04"})

    def field(html, name):
        start = html.rindex('<div class="w-field__wrapper"', 0, html.index(f'name="{name}"'))
        end = html.find('<div class="w-field__wrapper"', start + 1)
        return html[start : end if end > 0 else html.index("</form>")]

    page = handler_client.get(url).text
    for needed in ("days", "approved_by", "outcome", "party", "amount"):
        assert 'class="w-required-mark"' in field(page, needed), needed
    assert 'class="w-required-mark"' not in field(page, "reason")
    note = "“予以公开”以外的答复，须写明理由和依据。"
    reason = field(page, "reason")
    assert note in reason
    shown = reason[reason.rindex("<p", 0, reason.index(note)) : reason.index(note)]
    assert "&quot;reply&quot;" in shown and " hidden>" in shown

    refused = handler_client.post(url, {"action": "extend", "on": "2025-03-20", "days": ""})
    form = refused.context["form"]
    assert form.errors["days"] == ["请填写延长的工作日数（最长20个工作日）。"]
    reply = field(refused.text, "reason")
    assert " hidden>" in reply[reply.rindex("<p", 0, reply.index(note)) : reply.index(note)]
    replying = handler_client.post(url, {"action": "reply", "on": "2025-03-25"}).text
    reason = field(replying, "reason")
    assert " hidden>" not in reason[reason.rindex("<p", 0, reason.index(note)) : reason.index(note)]


def test_a_late_reply_is_a_fact_of_the_record_not_an_alarm(handler_client, make_application):
    """After a late 答复 the handle page still read 已逾期 in red, and its count of days went on
    growing. It now says how late the reply came, counted to the reply, without the alarm."""
    application = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/handle/{application.pk}/"
    handler_client.post(url, {"action": "accept", "on": "2025-03-04"})
    application.refresh_from_db()
    assert application.due_on == D(2025, 3, 31)
    handler_client.post(
        url, {"action": "reply", "on": "2025-04-03", "outcome": "granted", "reason": ""}
    )
    html = handler_client.get(url).text
    due = html[html.index('id="due"') : html.index("</dd>", html.index('id="due"'))]
    assert "逾期 3 个工作日答复" in due
    assert "已逾期" not in due and "critical" not in due
