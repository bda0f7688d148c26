from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from governance.agency.languages import in_language


@register_setting(icon="site")
class AgencySettings(BaseSiteSetting):
    """The agency's own data: names in the state and the official language, contacts, emblem.

    The site header and footer and every official document take them from here.
    """

    full_name_ky = models.CharField(_("full name (Kyrgyz)"), max_length=300)
    full_name_ru = models.CharField(_("full name (Russian)"), max_length=300)
    short_name_ky = models.CharField(_("short name (Kyrgyz)"), max_length=100)
    short_name_ru = models.CharField(_("short name (Russian)"), max_length=100)
    address_ky = models.CharField(_("address (Kyrgyz)"), max_length=300, blank=True)
    address_ru = models.CharField(_("address (Russian)"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name_ky"), FieldPanel("short_name_ky"), FieldPanel("address_ky")],
            heading=_("In Kyrgyz"),
        ),
        MultiFieldPanel(
            [FieldPanel("full_name_ru"), FieldPanel("short_name_ru"), FieldPanel("address_ru")],
            heading=_("In Russian"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("emblem")], heading=_("Contacts")),
    ]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agency")

    def __str__(self):
        return self.full_name()

    @classmethod
    def for_default_site(cls) -> "AgencySettings":
        """For documents built outside a request (background work, commands)."""
        return cls.for_site(Site.objects.get(is_default_site=True))

    def full_name(self, language: str | None = None) -> str:
        return in_language(self, "full_name", language)

    def short_name(self, language: str | None = None) -> str:
        return in_language(self, "short_name", language)

    def address(self, language: str | None = None) -> str:
        return in_language(self, "address", language)
