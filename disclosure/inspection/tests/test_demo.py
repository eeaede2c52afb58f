"""The demo, loaded on any day, passes every single-veto item and shows its two warnings on
purpose: 规范性文件 not updated for six months, 预算决算 not updated for a year and a half."""

from disclosure.catalogue.models import Organisation
from disclosure.inspection.indicators import inspect
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE


def warnings(results):
    return {r.code: [f.title for f in r.findings] for r in results if r.status == "warn"}


def test_the_demo_passes_every_veto_item_with_three_warnings():
    platform = inspect(None)
    assert [r.code for r in platform if r.status == "veto"] == []
    assert warnings(platform) == {
        "stale_columns": ["规范性文件"],
        "long_unupdated_columns": ["预算决算"],
        # The two 规范性文件 of 2023 the 2023 report counts have no 解读 yet.
        "interpretations": [
            "友谊镇农村人居环境整治管理办法",
            "友谊镇村级公益事业建设一事一议实施办法",
        ],
    }
    for organisation in Organisation.objects.all():
        assert [r.code for r in inspect(organisation) if r.status == "veto"] == []
