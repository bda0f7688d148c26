from django import template
from django.urls import NoReverseMatch, reverse

from cms.languages import language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """Language links for the page being shown (the switcher and the hreflang alternates)."""
    return language_links(context["request"], context.get("page"))


@register.simple_tag
def optional_url(name, *args):
    """The URL of a view that may not be installed (another module's), or an empty string.

    ``{% optional_url "orders:registry" as orders_url %}{% if orders_url %}…{% endif %}``
    lets the site link to a section only where it exists.
    """
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The home page in the reader's language and its sections shown in menus."""
    from wagtail.models import Locale, Site

    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "sections": []}
    home = site.root_page
    locale = Locale.get_active()
    if home.locale_id != locale.pk:
        home = home.get_translation_or_none(locale) or home
    sections = home.get_children().live().public().in_menu().only("title", "url_path", "locale", "path", "depth")
    return {"home": home, "sections": list(sections)}


OG_LOCALES = {"ky": "ky_KG", "ru": "ru_RU"}


@register.filter
def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


@register.filter
def within(page, section) -> bool:
    """Whether ``page`` is ``section`` or lies below it."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))
