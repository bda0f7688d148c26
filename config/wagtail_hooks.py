from wagtail import hooks

# Wagtail's help menu links to wagtail.org ("What's new in Wagtail", "Editor Guide"), in English and
# outside the agency. The keyboard shortcuts stay.
OUTSIDE_HELP_LINKS = ("whats-new-in-wagtail", "editor-guide")


@hooks.register("construct_help_menu")
def hide_outside_help_links(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(OUTSIDE_HELP_LINKS)]
