from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StructBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock


class EmbedBlock(StructBlock):
    embed = WagtailEmbedBlock(label=_("address of the video or post"))
    title = CharBlock(label=_("title"), help_text=_("Names the embedded frame for screen readers."))

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "cms/blocks/embed_block.html"
        preview_value = {"title": "Видео"}
