"""Who reads the public site: anyone reads a live page that no password or group hides."""

from governance.access.policy import list_filter, rule


@rule("cms.read_page", public=True)
def read_page(user, page=None):
    return page is None or (page.live and not page.get_view_restrictions().exists())


@list_filter("cms.read_page")
def readable_pages(user, queryset):
    return queryset.live().public()


@rule("cms.import_act")
def import_act(user, page=None):
    """Who may add a legal act to a section may import one into it; an existing act's page, who
    may edit it. Without a page: whether there is a section the user may add to."""
    from cms.models import LegalActIndexPage, LegalActPage

    if page is None:
        return any(index.permissions_for_user(user).can_add_subpage() for index in LegalActIndexPage.objects.all())
    if isinstance(page.specific_deferred, LegalActPage):
        return page.permissions_for_user(user).can_edit()
    return page.permissions_for_user(user).can_add_subpage()
