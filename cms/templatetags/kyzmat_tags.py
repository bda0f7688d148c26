from django import template

from cms.languages import language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """Language links for the page being shown (the switcher and the hreflang alternates)."""
    return language_links(context["request"], context.get("page"))
