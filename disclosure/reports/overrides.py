"""Where the annual reports take over library code (gongkai/patching.py, Override): checked
against Wagtail 8.0.1 and Django 5.2.19."""

from gongkai.patching import Override, Patch

STRUCT = "wagtail.blocks.struct_block.BaseStructBlock"

OVERRIDES = {
    "disclosure.reports.blocks.StatisticalTableBlock": Override(
        replaces="Wagtail's BaseStructBlock.deconstruct, deconstruct_with_lookup and "
        "construct_from_lookup",
        why="the table's child blocks are built from the statutory table definitions; a "
        "migration records the block's arguments, not its hundreds of cells",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{STRUCT}.deconstruct": "fb0a9c127b425d65",
                f"{STRUCT}.deconstruct_with_lookup": "5f3c9b4d7beb2194",
                f"{STRUCT}.construct_from_lookup": "a3dc7394aebf9833",
            },
        ),
    ),
    "disclosure.reports.blocks._CellBlock": Override(
        replaces="Wagtail's Block.to_python and DecimalBlock.to_python for a table cell",
        why="a stored value no rule accepts stays as text for the rules to name, instead of "
        "breaking the page, its preview or its PDF",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.blocks.base.Block.to_python": "1795c9c5854414fc",
                "wagtail.blocks.field_block.DecimalBlock.to_python": "22da06f474fc6326",
            },
        ),
    ),
    "disclosure.reports.blocks._CellFieldMixin": Override(
        replaces="Django's IntegerField.to_python and DecimalField.to_python for a table cell",
        why="a cell reads the statutory formats (blank, counts, amounts) by the cell's rules, "
        "with the rule's message on an error",
        checked=Patch(
            "django",
            "5.2.19",
            {
                "django.forms.fields.IntegerField.to_python": "d82ec9b29d258150",
                "django.forms.fields.DecimalField.to_python": "c54c9a55e5dc55c7",
            },
        ),
    ),
}
