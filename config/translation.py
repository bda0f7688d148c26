"""Language fallbacks for gettext.

Django makes every language fall back to LANGUAGE_CODE and gives the default language no fallback
at all. Kyrgyz is our default, and Wagtail ships no Kyrgyz catalogue, so a Kyrgyz-speaking admin
user would read Wagtail in English. With LANGUAGE_FALLBACKS = {"ky": "ru"} a string missing in
Kyrgyz is taken from Russian, which every Kyrgyz civil servant reads; a string missing in Russian
is shown as written in the code (no loop back to Kyrgyz).
"""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext, trans_real


def _add_fallback(self, localedirs=None):
    target = getattr(settings, "LANGUAGE_FALLBACKS", {}).get(self.language())
    if target is None:
        return
    if self.domain == "django":
        fallback = trans_real.translation(target)
    else:
        fallback = trans_real.DjangoTranslation(target, domain=self.domain, localedirs=localedirs)
    self.add_fallback(fallback)


def install_language_fallbacks():
    if trans_real.DjangoTranslation._add_fallback is not _add_fallback:
        trans_real.DjangoTranslation._add_fallback = _add_fallback
        # Catalogues built before this point were made with Django's rule: build them again.
        trans_real._translations = {}
        trans_real._default = None


def _lazy_interpolation(message, name):
    return lazy(lambda: gettext(message) % {"object": name}, str)()


def install_lazy_snippet_chooser_texts():
    """Wagtail's snippet chooser writes "Choose <model>" in the language active when the widget is
    built, and Wagtail builds an admin form class once: every later user read the first user's
    language ("Выбрать буйруктардын сериясы"). The texts are made lazy, read in each reader's."""
    from wagtail.snippets.widgets import AdminSnippetChooser

    if getattr(AdminSnippetChooser, "_texts_are_lazy", False):
        return
    built = AdminSnippetChooser.__init__

    def __init__(self, model=None, **kwargs):
        built(self, model=model, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = _lazy_interpolation("Choose %(object)s", name)
        self.choose_another_text = _lazy_interpolation("Choose another %(object)s", name)
        self.link_to_chosen_text = _lazy_interpolation("Edit this %(object)s", name)

    AdminSnippetChooser.__init__ = __init__
    AdminSnippetChooser._texts_are_lazy = True
