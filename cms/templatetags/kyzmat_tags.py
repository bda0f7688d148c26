from hashlib import md5

from django import template
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

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


def _site_version(request) -> str:
    """The site's version, read once per request."""
    from cms import cache

    version = getattr(request, "_fragment_version", None)
    if version is None:
        version = cache.site_version()
        if request is not None:
            request._fragment_version = version
    return version


class FragmentNode(template.Node):
    def __init__(self, name: str, nodelist, vary_on):
        self.name = name
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context):
        from django.conf import settings
        from django.core.cache import caches
        from django.utils import translation

        from cms import cache

        request = context.get("request")
        if not cache.fragments_enabled() or getattr(request, "is_preview", False):
            # A preview shows what is not published: never from nor into the shared fragments.
            return self.nodelist.render(context)
        parts = [
            _site_version(request),
            self.name,
            translation.get_language() or "",
            *(str(value.resolve(context)) for value in self.vary_on),
        ]
        key = "fragment:" + md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
        store = caches[settings.PAGE_CACHE_ALIAS]
        content = store.get(key)
        if content is None:
            content = self.nodelist.render(context)
            # What belongs to one reader never goes into a shared fragment.
            if "csrfmiddlewaretoken" not in content and "nonce=" not in content:
                store.set(key, content, settings.FRAGMENT_CACHE_SECONDS)
        # A node's output joins the template's as it is (Django's own {% cache %} does the same).
        return content


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment "name" value… %}…{% endfragment %}``: the enclosed output kept in the shared
    cache under the site's version, the active language, the name and the values (docs/cache.md,
    "Fragments"). Purging everything (a section or the agency's settings changed) leaves every
    fragment behind; ``FRAGMENT_CACHE_SECONDS=0`` renders them every time."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1].strip("\"'"), nodelist, [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def active_section(context) -> str:
    """What the navigation's active state depends on: the section the page lies in (its path's
    first three steps) and whether it is that section, or nothing outside a section."""
    page = context.get("page")
    path = getattr(page, "path", None)
    depth = getattr(page, "depth", None)
    if not isinstance(path, str) or not isinstance(depth, int) or depth < 3:
        return ""
    return path[: 3 * Page.steplen] + ("=" if depth == 3 else ">")
