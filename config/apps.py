from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project's own wiring: language fallbacks, the health check, the demo loader."""

    name = "config"
    verbose_name = "kyzmat"

    def ready(self):
        from config.translation import install_language_fallbacks, install_lazy_snippet_chooser_texts

        install_language_fallbacks()
        install_lazy_snippet_chooser_texts()
