"""Where each language's version of the current page lives."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    has_translation: bool
    query: str = ""  # the current search and filters, which the switcher keeps

    @property
    def switch_url(self) -> str:
        """Where the language switcher leads: the same search and filters in the other language."""
        return f"{self.url}?{self.query}" if self.query and self.has_translation else self.url


def language_links(request, page: Page | None = None) -> list[LanguageLink]:
    """One link per language: the translation of ``page``, or the notice that it has none.

    Outside Wagtail pages the same path is translated by its URL prefix.
    """
    current = translation.get_language()
    query = request.GET.urlencode()
    translations = {}
    if page is not None and page.pk:
        siblings = Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
        translations = {p.locale.language_code: p for p in siblings}
    links = []
    for code, name in settings.LANGUAGES:
        has_translation = True
        if page is None or not page.pk:
            url = translate_url(request.path, code)
        elif code in translations:
            url = translations[code].get_url(request)
        else:
            has_translation = False
            with translation.override(code):
                url = reverse("missing_translation", args=[page.pk])
        links.append(LanguageLink(code, name, url, code == current, has_translation, query))
    return links
