"""The staff search: any member of staff with the admin may search; the body lists only what the
reader may read (the secrets check reads every answer for the world's hidden titles)."""

from tests.security.matrix import DENIED, LOGIN, Row, admin

ROWS = [
    Row(
        ("staff_search",),
        admin(lambda user, world: user.has_perm("wagtailadmin.access_admin"), refused=(DENIED, LOGIN)),
        lambda world: [
            "/admin/search/records/?q=Матрица",
            "/admin/search/records/?q=Матрица&kind=orders",
            "/admin/search/records/?q=Матрица&kind=appeals",
            "/admin/search/records/?q=Матрица&kind=materials",
            "/admin/search/records/?q=Матрица&kind=people",
        ],
    ),
]
