"""A 办事指南 element that is there but says nothing is missing: whitespace, a dash, “无”, an
empty paragraph, a material without a name, a step without a title or description. One
definition of blank (disclosure/catalogue/blank.py), tried on every element the check reads."""

import pytest

from disclosure.catalogue.blank import is_blank
from disclosure.catalogue.models.guide_elements import GUIDE_ELEMENTS, missing_guide_elements
from disclosure.catalogue.tests.factories import ServiceGuidePageFactory

from .helpers import COMPLETE_GUIDE, result

BLANK_TEXTS = [
    "",
    "  ",
    "\u3000",
    "-",
    "—",
    "——",
    "/",
    "无",
    "暂无",
    "无。",
    "<p> </p>",
    "<p>&nbsp;</p>",
]
STREAM_ELEMENTS = {"materials", "steps"}


def blank_value(name, text):
    """The element `name` present, with `text` wherever it says something."""
    if name == "materials":
        return [("material", {"name": text, "copies": 1, "form": "原件", "notes": text})]
    if name == "steps":
        return [("step", {"title": text, "description": text})]
    return text


def test_the_check_reads_the_eight_elements_the_2019_indicators_name():
    labels = {str(label) for _name, label, _keys in GUIDE_ELEMENTS}
    assert labels == {
        "事项名称",
        "设定依据",
        "申请条件",
        "办理材料",
        "办理地点",
        "办理时间",
        "联系电话",
        "办理流程",
    }


@pytest.mark.parametrize("element", [name for name, _label, _keys in GUIDE_ELEMENTS])
def test_a_blank_element_is_missing(office, element):
    label = next(str(lab) for name, lab, _keys in GUIDE_ELEMENTS if name == element)
    guides = {}
    for text in BLANK_TEXTS[1:]:  # "" is refused by the form (事项名称 is required)
        guide = ServiceGuidePageFactory(
            parent=office["columns"][0],
            title=f"指南{len(guides)}",
            **{**COMPLETE_GUIDE, element: blank_value(element, text)},
        )
        guide.refresh_from_db()  # what the check reads: the stored value
        guides[guide.pk] = text
        assert missing_guide_elements(guide) == [label], text
    found = result("guide_elements", office["township"])
    assert found.status == "veto"
    assert {f.page_id: f.detail for f in found.findings} == {
        pk: f"办事指南缺少要素：{label}" for pk in guides
    }


def test_a_stream_with_one_real_block_is_present(office):
    materials = [
        ("material", {"name": "  ", "copies": 1, "form": "原件", "notes": ""}),
        ("material", {"name": "居民身份证", "copies": 1, "form": "原件", "notes": ""}),
    ]
    steps = [("step", {"title": "—", "description": "到便民服务中心提交材料"})]
    guide = ServiceGuidePageFactory(
        parent=office["columns"][0], **{**COMPLETE_GUIDE, "materials": materials, "steps": steps}
    )
    guide.refresh_from_db()
    assert missing_guide_elements(guide) == []


@pytest.mark.parametrize(
    "text", ["无犯罪记录证明", "0", "8:30—17:00", "<p>到<b>窗口</b>提交</p>", "N", "略阳县"]
)
def test_text_that_says_something_is_not_blank(text):
    assert not is_blank(text)


@pytest.mark.parametrize("text", [*BLANK_TEXTS, None, "N/A", "<p><br></p>", "无 ", "（无）"])
def test_blank_text(text):
    assert is_blank(text)
