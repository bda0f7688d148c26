"""Official records keep both language texts on one row (``title_ky`` / ``title_ru``): this picks
the one for the reader's language, Kyrgyz unless the language is Russian."""

from django.utils.translation import get_language


def in_language(obj, field: str, language: str | None = None) -> str:
    language = (language or get_language() or "ky")[:2]
    return getattr(obj, f"{field}_{'ru' if language == 'ru' else 'ky'}")


class InLanguage:
    """A two-language field that reads in whatever language is active when it is turned into text:
    a message sent to several people in their own languages carries it as a parameter."""

    def __init__(self, obj, field: str):
        self.obj, self.field = obj, field

    def __str__(self) -> str:
        return in_language(self.obj, self.field)
