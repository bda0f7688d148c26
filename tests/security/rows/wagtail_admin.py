"""Wagtail's own admin: its page editor, media, reports, settings and accounts.

Most of these views concern Wagtail's own models (pages, images, users, workflows): they follow
Wagtail's rules, so a row accepts any clean answer for a signed-in user and the login page for
anonymous readers; the secrets check (no title of a record the reader may not read) guards their
bodies. Views that touch our records or the public site's media have rows of their own.
"""

from tests.security.matrix import (
    ANONYMOUS,
    ANY_ANSWER,
    DENIED,
    LOGIN,
    METHOD,
    MISSING,
    OK,
    Row,
    admin,
    admin_any,
    everyone,
    not_applicable,
)
from tests.security.world import MEDIA_ROLES


def _media(strict: bool):
    """Editors and moderators reach the media; nobody else does."""

    def expect(who, world):
        if who == ANONYMOUS:
            return frozenset({LOGIN})
        if who in MEDIA_ROLES:
            return frozenset({OK}) if strict else ANY_ANSWER
        # choosers and the admin API answer, with nothing in them (the secrets check)
        return frozenset({DENIED}) if strict else frozenset({OK, DENIED, MISSING, METHOD})

    return expect


ROWS = [
    # Media of the public site: documents, images, their choosers and the admin API.
    Row(
        (
            "wagtaildocs:index",
            "wagtaildocs:index_results",
            "wagtaildocs:add",
            "wagtaildocs:edit",
            "wagtaildocs:document_usage",
        ),
        _media(True),
    ),
    Row(
        (
            "wagtailimages:index",
            "wagtailimages:index_results",
            "wagtailimages:add",
            "wagtailimages:edit",
            "wagtailimages:image_usage",
        ),
        _media(True),
    ),
    Row(("wagtaildocs:*", "wagtailimages:*", "wagtaildocs_chooser:*", "wagtailimages_chooser:*"), _media(False)),
    Row(("wagtailadmin_api:documents:*", "wagtailadmin_api:images:*"), _media(False)),
    # The site history: every admin user, narrowed by the policy (secrets check).
    Row(("site_history:*", "wagtailadmin_reports:site_history*"), admin()),
    # Pages, reports on pages, workflows, users, groups, sites, locales, redirects, settings...
    Row(
        (
            "wagtailadmin_pages:*",
            "wagtailadmin_api:pages:*",
            "wagtailadmin_reports:*",
            "wagtailadmin_workflows:*",
            "wagtailusers_*",
            "wagtailsites:*",
            "wagtaillocales:*",
            "wagtailredirects:*",
            "wagtailsettings:*",
            "wagtailforms:*",
            "wagtailembeds:*",
            "wagtailadmin_collections:*",
            "wagtailadmin_editing_sessions:*",
            "simple_translation:*",
            "wagtailsnippets:index",
            "wagtailadmin_home",
            "wagtailadmin_explore*",
            "wagtailadmin_choose_page*",
            "wagtailadmin_account",
            "wagtailadmin_dismissibles",
            "wagtailadmin_tag_autocomplete",
            "wagtailadmin_tag_model_autocomplete",
            "wagtailadmin_block_preview",
            "wagtail_bulk_action",
        ),
        admin_any(),
    ),
    Row(
        ("wagtailadmin_pages:revisions_compare",),
        admin_any(),
        lambda world: [f"/admin/pages/{world.objects['hidden_page'].pk}/revisions/compare/earliest...latest/"],
    ),
    Row(("admin/test404/", "admin/^.*/$"), admin_any(), lambda world: ["/admin/test404/", "/admin/nothing-here/"]),
    Row(("wagtailadmin_sprite", "wagtailadmin_javascript_catalog"), everyone(OK)),
    Row(("wagtailadmin_login", "wagtailadmin_password_reset*"), everyone(*ANY_ANSWER)),
    not_applicable("wagtailadmin_logout", why="ends the reader's session (POST)"),
    not_applicable("wagtailadmin_error_test", why="raises on purpose, to test error reporting"),
]
