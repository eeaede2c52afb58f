"""The daily reminder goes to the organisation's address and to the active members of its own
依申请办理 group (roles.organisation_handlers): not to its administrators, nor to another
organisation's handlers."""

from datetime import date

from django.core import mail

from disclosure.applications.roles import organisation_handlers
from disclosure.applications.tasks import send_deadline_reminders
from disclosure.catalogue.tests.factories import OrganisationFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts.roles import Role
from tests.factories import UserFactory


def test_reminders_go_to_the_organisations_handlers_only(
    organisation, make_application, django_capture_on_commit_callbacks
):
    handlers = organisation.application_handlers.group
    handler = UserFactory(username="h1", email="h1@example.invalid", groups=[handlers])
    UserFactory(username="h2", email="h2@example.invalid", groups=[handlers], is_active=False)
    administrators = ensure_organisation_roles(organisation)[Role.ADMINISTRATORS]
    UserFactory(username="a1", email="a1@example.invalid", groups=[administrators])
    elsewhere = OrganisationFactory(name="另一机关")
    UserFactory(
        username="o1", email="o1@example.invalid", groups=[elsewhere.application_handlers.group]
    )
    make_application(received_on=date(2020, 3, 2))

    assert list(organisation_handlers(organisation)) == [handler]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders() == 1
    assert mail.outbox[0].to == ["h1@example.invalid"]
