"""A refresh of every organisation goes on past one whose inspection raises: the others get
their results, the failure names the organisation, and the task fails at the end (the outbox
keeps the error and retries)."""

import pytest

from disclosure.inspection import snapshots
from disclosure.inspection.models import OrganisationInspection


def test_one_failing_organisation_does_not_stop_the_others(office, monkeypatch, caplog):
    township, county = office["township"], office["county"]
    inspect = snapshots.inspect

    def failing_for_the_county(organisation, today=None):
        if organisation == county:
            raise ValueError("一个栏目的数据损坏")
        return inspect(organisation, today=today)

    monkeypatch.setattr(snapshots, "inspect", failing_for_the_county)
    # The county sorts before the township by name: the township comes after the failure.
    assert sorted([county.name, township.name])[0] == county.name
    with pytest.raises(snapshots.RefreshFailed) as failed:
        snapshots.refresh_inspections()
    assert OrganisationInspection.objects.filter(organisation=township).exists()
    assert not OrganisationInspection.objects.filter(organisation=county).exists()
    message = str(failed.value)
    assert county.name in message and "一个栏目的数据损坏" in message
    assert township.name not in message
    assert any(county.name in record.getMessage() for record in caplog.records)


def test_a_refresh_without_failures_counts_every_organisation(office):
    assert snapshots.refresh_inspections() == 2
