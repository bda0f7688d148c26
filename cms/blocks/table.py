from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StructBlock
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock


class TableBlock(StructBlock):
    caption = CharBlock(label=_("caption"), help_text=_("What the table shows; read first by screen readers."))
    table = WagtailTableBlock(label=_("table"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        label = _("Table")
        template = "cms/blocks/table_block.html"
        preview_value = {
            "caption": "Жыйындар",
            "table": {"first_row_is_table_header": True, "data": [["Күнү", "Жери"], ["12.03", "Бишкек"]]},
        }
