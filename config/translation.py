"""Language fallbacks for gettext.

Django makes every language fall back to LANGUAGE_CODE and gives the default language no fallback
at all. Kyrgyz is our default, and Wagtail ships no Kyrgyz catalogue, so a Kyrgyz-speaking admin
user would read Wagtail in English. With LANGUAGE_FALLBACKS = {"ky": "ru"} a string missing in
Kyrgyz is taken from Russian, which every Kyrgyz civil servant reads; a string missing in Russian
is shown as written in the code (no loop back to Kyrgyz).
"""

from django.conf import settings
from django.utils.translation import trans_real


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
