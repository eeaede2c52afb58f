"""The demo, loaded on any day, passes every single-veto item and shows its two warnings on
purpose: 规范性文件 not updated for six months, 预算决算 not updated for a year and a half."""

from disclosure.catalogue.models import Organisation
from disclosure.inspection.indicators import inspect
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE


def warnings(results):
    return {r.code: [f.title for f in r.findings] for r in results if r.status == "warn"}


def test_the_demo_passes_every_veto_item_with_two_warnings():
    platform = inspect(None)
    assert [r.code for r in platform if r.status == "veto"] == []
    assert warnings(platform) == {
        "stale_columns": ["规范性文件"],
        "long_unupdated_columns": ["预算决算"],
    }
    for organisation in Organisation.objects.all():
        assert [r.code for r in inspect(organisation) if r.status == "veto"] == []
