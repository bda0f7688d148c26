from django.utils.translation import gettext_lazy as _
from wagtail.blocks import RichTextBlock, StructBlock
from wagtail.rich_text import RichText

FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class TextBlock(StructBlock):
    text = RichTextBlock(label=_("text"), features=FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/text_block.html"
        preview_value = {"text": RichText("<p>Кызмат жарандар үчүн ачык.</p>")}
