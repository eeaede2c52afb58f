"""The table blocks: storage shape, validation per cell, drafts with blanks, both renderings."""

import pytest
from wagtail.blocks import StructBlockValidationError

from disclosure.reports import blocks
from disclosure.reports.tests.factories import consistent_b, seed_table_b, zeros
from disclosure.statutory import tables as t


def test_value_is_stored_in_the_shape_of_tables_py():
    block = blocks.TableB2021Block()
    values = consistent_b()
    assert block.get_prep_value(block.to_python(values)) == values
    assert block.values(block.to_python(values)) == values


def test_blank_cells_stay_blank_not_zero():
    block = blocks.TableB2019Block()
    stored = block.get_prep_value(block.to_python(seed_table_b()))
    assert stored["carried_in"]["natural"] is None
    assert stored["carried_in"]["commercial"] == 0


def test_consistent_table_is_clean():
    block = blocks.TableB2021Block()
    block.clean(block.to_python(consistent_b()))


def test_inconsistent_table_b_puts_the_error_on_the_cell():
    block = blocks.TableB2021Block()
    values = consistent_b()
    values["new"].update(natural=4, total=4)
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(values))
    errors = raised.value.block_errors
    assert set(errors) == {"result_total__natural", "result_total__total"}
    assert "第一项 + 第二项 = 5" in errors["result_total__natural"].messages[0]
    assert raised.value.non_block_errors


def test_table_c_r4_error_on_the_total_cell():
    block = blocks.TableCBlock()
    values = zeros(t.TABLE_C)
    values["cases"]["review_upheld"] = 1
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(values))
    assert set(raised.value.block_errors) == {"cases__review_total"}


def test_blank_cells_are_allowed_in_a_draft_only():
    block = blocks.TableB2019Block()
    value = block.to_python(seed_table_b())
    block.clean_deferred(value)  # saving a draft
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)  # submitting or publishing
    assert set(raised.value.block_errors) == {
        "carried_in__natural",
        "unprocessed_excessive__natural",
    }


def test_negative_count_refused_even_in_a_draft():
    block = blocks.TableB2021Block()
    values = consistent_b()
    values["granted"]["legal"] = -1
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean_deferred(block.to_python(values))
    assert set(raised.value.block_errors) == {"granted__legal"}


@pytest.mark.parametrize(
    "block_class",
    [
        blocks.TableA2021Block,
        blocks.TableB2021Block,
        blocks.TableB2019Block,
        blocks.TableCBlock,
        blocks.TableA2019Block,
    ],
)
def test_admin_form_is_laid_out_like_the_printed_table(block_class):
    block = block_class()
    html = block.render_form_template()
    for row in block.table.rows:
        assert str(row.label) in html
    for name in block.child_blocks:
        assert f'data-structblock-child="{name}"' in html
    assert '<th scope="row">' in html or block.table_key == "table_c"


@pytest.mark.parametrize(
    "block_class",
    [
        blocks.TableA2021Block,
        blocks.TableB2021Block,
        blocks.TableB2019Block,
        blocks.TableCBlock,
        blocks.TableA2019Block,
    ],
)
def test_public_rendering_labels_every_row_and_column(block_class):
    block = block_class()
    html = block.render(block.to_python(block.table.empty_values()))
    for row in block.table.rows:
        if block.table_key != "table_c":
            assert f"{row.number}{row.label}" in html
    for column in block.table.cells():
        assert str(column[1].label) in html
    assert "<caption>" in html and 'scope="col"' in html
    assert 'class="missing"' in html


def test_table_b_public_rendering_merges_the_result_rows():
    block = blocks.TableB2021Block()
    html = block.render(block.to_python(consistent_b()))
    # Each label says which column the browser puts it in: the web page pins them there.
    assert (
        'scope="rowgroup" rowspan="22" class="report-label report-label--col0">三、本年度办理结果'
        in html
    )
    assert (
        'scope="rowgroup" rowspan="8" class="report-label report-label--col1">（三）不予公开'
        in html
    )
    assert 'scope="row" class="report-label report-label--col2">1.属于国家秘密' in html
    assert (
        'scope="row" colspan="3" class="report-label report-label--col0 report-label--span3">'
        "一、本年新收政府信息公开申请数量" in html
    )
    assert 'role="region" tabindex="0" aria-label="表二（可左右滑动查看）"' in html
    assert "<thead>" in html and 'colspan="5">法人或其他组织' in html


def test_the_sections_keep_their_keys_and_labels():
    """Section (a TextChoices) stores what the six sections always stored: no data migration,
    and the choices of the block's migration state are unchanged."""
    from django.utils import translation

    from disclosure.reports.blocks import Section, SectionBlock

    expected = [
        ("1", "一、总体情况"),
        ("2", "二、主动公开政府信息情况"),
        ("3", "三、收到和处理政府信息公开申请情况"),
        ("4", "四、政府信息公开行政复议、行政诉讼情况"),
        ("5", "五、存在的主要问题及改进情况"),
        ("6", "六、其他需要报告的事项"),
    ]
    with translation.override("zh-hans"):
        assert [(key, str(label)) for key, label in Section.choices] == expected
        choices = SectionBlock().child_blocks["section"].field.choices
        assert [(key, str(label)) for key, label in choices if key] == expected


@pytest.mark.parametrize(
    "block_class",
    [
        blocks.TableA2021Block,
        blocks.TableA2019Block,
        blocks.TableB2021Block,
        blocks.TableB2019Block,
        blocks.TableCBlock,
    ],
)
def test_the_collapsed_heading_is_the_table_name_alone(block_class):
    """Wagtail follows a struct block's label with its first child's value unless the block
    gives a label format: the tables' headings read “表二 … 27” (the first cell)."""
    block = block_class()
    block.set_name("table")
    _name, _children, meta = blocks.StatisticalTableBlockAdapter().js_args(block)
    assert meta["labelFormat"] == ""
    assert str(meta["label"]) == str(block_class._meta_class.label)
