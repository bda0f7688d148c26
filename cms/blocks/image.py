from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StructBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = CharBlock(
        label=_("text alternative"), required=False, help_text=_("What the image shows, for readers who cannot see it.")
    )
    caption = CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image_block.html"
        preview_value = {"caption": "Кызматтын имараты"}
