"""StreamField blocks of the public site: one StructBlock per file."""

from wagtail.blocks import StreamBlock

from cms.blocks.document import DocumentBlock
from cms.blocks.embed import EmbedBlock
from cms.blocks.image import ImageBlock
from cms.blocks.legal import AmendmentBlock, ChapterBlock, PointBlock, SubPointBlock
from cms.blocks.quote import QuoteBlock
from cms.blocks.table import TableBlock
from cms.blocks.text import TextBlock


class BodyBlock(StreamBlock):
    """The body of publications, events and plain pages."""

    text = TextBlock()
    image = ImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    table = TableBlock()
    embed = EmbedBlock()


__all__ = [
    "AmendmentBlock",
    "BodyBlock",
    "ChapterBlock",
    "DocumentBlock",
    "EmbedBlock",
    "ImageBlock",
    "PointBlock",
    "QuoteBlock",
    "SubPointBlock",
    "TableBlock",
    "TextBlock",
]
