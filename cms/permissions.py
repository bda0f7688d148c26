"""Who reads the public site: anyone reads a live page that no password or group hides."""

from governance.access.policy import list_filter, rule


@rule("cms.read_page", public=True)
def read_page(user, page=None):
    return page is None or (page.live and not page.get_view_restrictions().exists())


@list_filter("cms.read_page")
def readable_pages(user, queryset):
    return queryset.live().public()
