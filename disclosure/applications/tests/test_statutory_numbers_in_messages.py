"""The periods the register's messages name are the statutory constants the clocks count with
(models, reminders), in Chinese and in English: a period changed in one place changes the
form's limit and the words with it."""

from datetime import date

import pytest
from django.core import mail
from django.utils import translation

from disclosure.applications import reminders
from disclosure.applications.models import DEFAULT_CORRECTION_PERIOD, MAX_EXTENSION_DAYS
from disclosure.applications.register_admin import TransitionForm
from disclosure.applications.tasks import send_deadline_reminders
from disclosure.catalogue.tests.factories import OrganisationFactory


def test_the_extension_field_allows_the_statutory_maximum():
    assert TransitionForm().fields["days"].max_value == MAX_EXTENSION_DAYS


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh-hans", "{}个工作日"), ("en", "{} working days")],
)
def test_the_correction_period_help_names_the_default_period(language, words):
    with translation.override(language):
        help_text = str(TransitionForm().fields["correction_due_on"].help_text)
    assert words.format(DEFAULT_CORRECTION_PERIOD) in help_text


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh-hans", "{}个工作日内到期"), ("en", "Due within {} working days")],
)
def test_the_reminder_names_the_horizon_it_looks_ahead(
    make_application, django_capture_on_commit_callbacks, monkeypatch, language, words
):
    monkeypatch.setattr(reminders, "SOON_WORKING_DAYS", 30)
    organisation = OrganisationFactory(name="甲机关", email="office@example.invalid")
    make_application(organisation=organisation, received_on=date.today())
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders() == 1
    assert words.format(30) in mail.outbox[0].body
