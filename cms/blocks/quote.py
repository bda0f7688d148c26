from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StructBlock, TextBlock


class QuoteBlock(StructBlock):
    quote = TextBlock(label=_("quote"))
    attribution = CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote_block.html"
        preview_value = {"quote": "Мыйзамды билүү — укукту коргоонун башаты.", "attribution": "Кызмат"}
