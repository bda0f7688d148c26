from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Page


def missing_translation(request, page_id: int):
    """Where the switcher lands when a page has no version in the reader's language."""
    original = get_object_or_404(Page.objects.live().select_related("locale"), pk=page_id).specific
    return TemplateResponse(request, "cms/missing_translation.html", {"original": original})
