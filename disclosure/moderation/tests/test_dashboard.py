"""Dashboard: awaiting my review, my items in review, and the Art. 26 publication deadline."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from disclosure.applications.workdays import add_working_days, working_days_between
from disclosure.catalogue.models import CategoryPage
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.deadlines import art26_due_on, unpublished_items_near_deadline

from .helpers import submit


def document(column, author, title, written_on):
    return DisclosureDocumentPageFactory(
        parent=column, title=title, written_on=written_on, live=False, owner=author
    )


def test_deadline_is_twenty_working_days_after_writing(db):
    written = date(2024, 9, 27)  # National Day (1–7 October) inside
    assert art26_due_on(written) == date(2024, 10, 30)  # 9-29 and 10-12 are worked
    assert working_days_between(written, art26_due_on(written)) == 20


def test_dashboard_panels(client, office):
    users = office["users"]
    column = CategoryPage.objects.descendant_of(office["root"]).first()
    today = timezone.localdate()
    overdue = document(column, users["editor"], "逾期未公开的通知", date(2020, 1, 6))
    document(column, users["editor"], "刚成文的通知", today)
    near_written = date(2026, 3, 2)
    near = document(column, users["editor"], "即将到期的通知", near_written)
    submit(near, users["editor"])

    in_three_days = add_working_days(near_written, 17)
    listed = unpublished_items_near_deadline(users["reviewer"], today=in_three_days)
    near_item = next(item for item in listed if item.page.pk == near.pk)
    assert (near_item.working_days_left, near_item.overdue) == (3, False)
    assert str(near_item.state) == "待初审"
    assert unpublished_items_near_deadline(office["users"]["outsider"], today=in_three_days) == []

    client.force_login(users["reviewer"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "逾期未公开的通知" in home and "已逾期" in home
    assert "刚成文的通知" not in home
    assert "即将到期的通知" in home  # overdue by now, and awaiting this reviewer
    assert overdue.title in home
    client.force_login(users["editor"])
    assert "即将到期的通知" in client.get(reverse("wagtailadmin_home")).content.decode()
