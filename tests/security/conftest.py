from tests.cms.conftest import agency, home_pages, site, tree  # noqa: F401
