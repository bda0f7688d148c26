from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every public page shares: a short summary for lists, search and social cards."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown in lists and search."))

    promote_panels = [*Page.promote_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    api_fields = [APIField("summary")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The root of the public site in one language; its translation is the root in the other."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
