from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import AmendmentBlock, BodyBlock, ChapterBlock
from cms.enums import PERIODICALS, EventKind, PublicationKind
from governance.access.params import QueryParams

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class BasePage(Page):
    """What every public page shares: a short summary for lists, search and social cards, and
    cache headers that let a front-end cache keep the page for anonymous readers."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown in lists and search."))

    promote_panels = [*Page.promote_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    api_fields = [APIField("summary")]

    class Meta:
        abstract = True

    @property
    def snippet(self) -> str:
        """A line or two for search results, lists and social cards."""
        return self.summary or self.search_description

    @property
    def listing_date(self):
        return self.first_published_at

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            request.method == "GET"
            and not request.user.is_authenticated
            and not getattr(request, "is_preview", False)
            and not self.get_view_restrictions().exists()  # a page behind a password stays private
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PUBLIC_PAGE_MAX_AGE,
                s_maxage=settings.FRONTEND_CACHE_MAX_AGE,
            )
        return response


class SectionPage(BasePage):
    """A page that opens a part of the site with a short introduction: the home page, a section."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        abstract = True


class HomePage(SectionPage):
    """The root of the public site in one language; its translation is the root in the other."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.PublicationIndexPage",
        "cms.EventIndexPage",
        "cms.LegalActIndexPage",
        "cms.StandardPage",
        "cms.ContactPage",
    ]
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import readable

        context = super().get_context(request, *args, **kwargs)
        publications = readable(request.user, PublicationPage.objects.descendant_of(self)).order_by("-date", "-pk")
        context["bulletins"] = publications.filter(kind=PublicationKind.BULLETIN)[:3]
        context["news"] = publications.filter(kind=PublicationKind.NEWS)[:4]
        context["events"] = readable(request.user, EventPage.objects.descendant_of(self)).upcoming()[:3]
        context["sections"] = readable(request.user, self.get_children()).in_menu()
        return context


class PublicationTag(TaggedItemBase):
    content_object = ParentalKey("cms.PublicationPage", on_delete=models.CASCADE, related_name="tagged_items")


class PublicationIndexPage(SectionPage):
    """A section of publications (bulletins, news, legal propaganda…) with filters and pages."""

    per_page = 10
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PublicationPage"]
    template = "cms/publication_index_page.html"

    class Meta:
        verbose_name = _("publication section")
        verbose_name_plural = _("publication sections")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import publication_filters

        context = super().get_context(request, *args, **kwargs)
        filters = publication_filters(request.user, self, request.GET)
        context["filters"] = filters
        context["publications"] = Paginator(filters.queryset, self.per_page).get_page(QueryParams(request.GET).page())
        context["ignored"] = filters.ignored
        return context


class PublicationPage(BasePage):
    """A bulletin, a journal issue, a legal-propaganda material, a news item or an announcement."""

    kind = models.CharField(_("kind"), max_length=30, choices=PublicationKind, default=PublicationKind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), blank=True, help_text=_("The opening paragraph, shown in bold."))
    issue_number = models.CharField(_("issue number"), max_length=30, blank=True)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on social networks when the page is shared."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(_("tags"), through=PublicationTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        MultiFieldPanel(
            [FieldPanel("issue_number"), FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")])],
            heading=_("Issue (bulletins and journals)"),
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Related publications")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("issue_number"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("date"),
        APIField("lead"),
        APIField("issue_number"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("body"),
        APIField("tags"),
    ]
    parent_page_types = ["cms.PublicationIndexPage"]
    subpage_types = []
    template = "cms/publication_page.html"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["kind", "date"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in PERIODICALS:
            if not self.issue_number:
                errors["issue_number"] = _("A bulletin or a journal issue has a number.")
            if not self.period_start or not self.period_end:
                errors["period_start"] = _("A bulletin or a journal issue covers a period.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def snippet(self) -> str:
        return self.summary or self.lead or self.search_description

    @property
    def listing_date(self):
        return self.date

    @property
    def is_periodical(self) -> bool:
        return self.kind in PERIODICALS

    def related_pages(self) -> list[Page]:
        """Related pages in the reader's language where a translation exists."""
        return [
            link.target.localized.specific for link in self.related_links.select_related("target") if link.target.live
        ]


class RelatedPublication(Orderable):
    source = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target", ["cms.PublicationPage", "cms.EventPage", "cms.LegalActPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related publication")
        verbose_name_plural = _("related publications")


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        now = timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now)).order_by("start", "pk")

    def past(self):
        now = timezone.now()
        return self.filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now)).order_by("-start", "-pk")


class EventIndexPage(SectionPage):
    """Seminars, conferences, contests and legal-propaganda events: upcoming first, then past."""

    per_page = 10
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    template = "cms/event_index_page.html"

    class Meta:
        verbose_name = _("event section")
        verbose_name_plural = _("event sections")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import readable

        context = super().get_context(request, *args, **kwargs)
        events = readable(request.user, EventPage.objects.descendant_of(self))
        context["upcoming"] = events.upcoming()
        context["past"] = Paginator(events.past(), self.per_page).get_page(QueryParams(request.GET).page())
        return context


class EventPage(RoutablePageMixin, BasePage):
    """A seminar, conference, contest or legal-propaganda event, with an .ics download."""

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind, default=EventKind.SEMINAR)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300)
    organiser = models.CharField(_("organiser"), max_length=300, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("organiser"),
        FieldPanel("registration_url"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("organiser"),
        APIField("registration_url"),
        APIField("lead"),
        APIField("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []
    template = "cms/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def snippet(self) -> str:
        return self.summary or self.lead or self.search_description

    @property
    def listing_date(self):
        return self.start

    @property
    def is_upcoming(self) -> bool:
        return (self.end or self.start) >= timezone.now()

    @path("ics/", name="ics")
    def ics(self, request):
        from cms.ics import event_calendar

        response = HttpResponse(event_calendar(self, request), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slugify(self.slug) or self.pk}.ics"'
        return response


class LegalActIndexPage(SectionPage):
    """The legal acts of the agency, newest first."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.LegalActPage"]
    template = "cms/legal_act_index_page.html"

    class Meta:
        verbose_name = _("legal act section")
        verbose_name_plural = _("legal act sections")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import readable

        context = super().get_context(request, *args, **kwargs)
        acts = (
            readable(request.user, LegalActPage.objects.descendant_of(self)).defer_streamfields().order_by("-act_date")
        )
        context["acts"] = Paginator(acts, 20).get_page(QueryParams(request.GET).page())
        return context


class LegalActPage(BasePage):
    """A structured legal act: chapters, points and sub-points, each with an anchor; its
    requisites; its amendment history. The structure is what a .docx import fills."""

    act_kind = models.CharField(_("kind of act"), max_length=100, help_text=_("E.g. Regulation, Instruction."))
    approved_by = models.CharField(_("approved by"), max_length=300)
    act_number = models.CharField(_("number"), max_length=50)
    act_date = models.DateField(_("date of approval"))
    preamble = RichTextField(_("preamble"), blank=True, features=INTRO_FEATURES)
    body = StreamField([("chapter", ChapterBlock())], verbose_name=_("chapters"), blank=True)
    amendments = StreamField([("amendment", AmendmentBlock())], verbose_name=_("amendment history"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("act_kind"),
                FieldPanel("approved_by"),
                FieldRowPanel([FieldPanel("act_number"), FieldPanel("act_date")]),
            ],
            heading=_("Requisites"),
        ),
        FieldPanel("preamble"),
        FieldPanel("body"),
        FieldPanel("amendments"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("act_kind"),
        index.SearchField("approved_by"),
        index.SearchField("act_number"),
        index.SearchField("preamble"),
        index.SearchField("body"),
        index.FilterField("act_date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("act_kind"),
        APIField("approved_by"),
        APIField("act_number"),
        APIField("act_date"),
        APIField("preamble"),
        APIField("body"),
        APIField("amendments"),
    ]
    parent_page_types = ["cms.LegalActIndexPage"]
    subpage_types = []
    template = "cms/legal_act_page.html"

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    @property
    def listing_date(self):
        return self.act_date

    def table_of_contents(self) -> list[dict]:
        """Chapters with their anchors and their points' numbers, for the table of contents."""
        return [
            {
                "anchor": f"chapter-{slugify(chapter.value['number'])}",
                "number": chapter.value["number"],
                "title": chapter.value["title"],
                "points": [
                    {"anchor": f"point-{slugify(point['number'])}", "number": point["number"]}
                    for point in chapter.value["points"]
                ],
            }
            for chapter in self.body
        ]


class StandardPage(BasePage):
    """A plain page: about the agency, its history, its leadership."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("plain page")
        verbose_name_plural = _("plain pages")


class ContactPage(BasePage):
    """The agency's address, phone and e-mail from the site setting, and any further text."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "cms/contact_page.html"

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")
