"""A legal act's structure: chapters, points, sub-points, and its amendment history.

The structure is plain nested data (number, title, text), the shape a .docx importer can fill.
Anchors come from the numbers: chapter 2 is ``#chapter-2``, point 5 ``#point-5``, sub-point 5.1
``#point-5-1``; an editor never types an anchor.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, DateBlock, ListBlock, PageChooserBlock, RichTextBlock, StructBlock, URLBlock

TEXT_FEATURES = ["bold", "italic", "link"]


class SubPointBlock(StructBlock):
    number = CharBlock(label=_("number"), max_length=20, help_text=_("As printed, e.g. 1 or а."))
    text = RichTextBlock(label=_("text"), features=TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Sub-point")
        template = "cms/blocks/sub_point_block.html"
        preview_value = {"number": "1", "text": "<p>жарандарга кеңеш берет;</p>"}


class PointBlock(StructBlock):
    number = CharBlock(label=_("number"), max_length=20)
    text = RichTextBlock(label=_("text"), features=TEXT_FEATURES)
    sub_points = ListBlock(SubPointBlock(), label=_("sub-points"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Point")
        template = "cms/blocks/point_block.html"
        preview_value = {"number": "1", "text": "<p>Кызмат төмөнкү милдеттерди аткарат:</p>", "sub_points": []}


class ChapterBlock(StructBlock):
    number = CharBlock(label=_("number"), max_length=20)
    title = CharBlock(label=_("title"))
    points = ListBlock(PointBlock(), label=_("points"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Chapter")
        template = "cms/blocks/chapter_block.html"
        preview_value = {"number": "1", "title": "Жалпы жоболор", "points": []}


class AmendmentBlock(StructBlock):
    title = CharBlock(label=_("amending act"), help_text=_("Who issued it and what it is called."))
    number = CharBlock(label=_("number"), max_length=50, required=False)
    date = DateBlock(label=_("date"))
    page = PageChooserBlock(label=_("page of the amending act"), required=False)
    url = URLBlock(label=_("or its address elsewhere"), required=False)

    class Meta:
        icon = "history"
        label = _("Amendment")
        template = "cms/blocks/amendment_block.html"
        preview_value = {"title": "Өкмөттүн токтому", "number": "12", "date": "2019-03-01"}
