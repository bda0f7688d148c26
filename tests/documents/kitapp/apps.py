from django.apps import AppConfig


class KitAppConfig(AppConfig):
    """A small module that lives only in the tests: the record kit's first user without orders."""

    name = "tests.documents.kitapp"
    label = "kitapp"

    def ready(self):
        from tests.documents.kitapp import permissions  # noqa: F401
