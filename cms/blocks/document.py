from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StructBlock
from wagtail.documents.blocks import DocumentChooserBlock


class DocumentBlock(StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = CharBlock(label=_("link text"), required=False, help_text=_("The document's own title when empty."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "cms/blocks/document_block.html"
        preview_value = {"title": "Бюллетень №1"}
