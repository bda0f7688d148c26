"""Latin page addresses from Kyrgyz and Russian titles.

Wagtail keeps Cyrillic in a slug, and a browser shows it %-encoded when the address is copied
(``/ky/%D0%B6%D0%B0%D0%BD...``). Our pages take Latin slugs instead, written the way the demo's
are: the editor's browser fills the slug as the title is typed (``slug_formatters`` teach its
transliteration the Kyrgyz letters it lacks), and the server writes one where none was given.
"""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "ц": "c", "ч": "ch", "ш": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip
LETTERS = {
    "ky": {**_COMMON, "ж": "j", "й": "i", "х": "h", "щ": "sch", "ң": "ng", "ө": "o", "ү": "u"},
    "ru": {**_COMMON, "ж": "zh", "й": "i", "х": "h", "щ": "shch"},
}


def latin_slug(text: str, language: str = "ky") -> str:
    """``"Жарандарды кабыл алуу"`` → ``"jarandardy-kabyl-aluu"``; ASCII only, may be empty."""
    letters = LETTERS["ru" if language.startswith("ru") else "ky"]
    latin = "".join(letters.get(char, letters.get(char.lower(), char)) for char in text.lower())
    return slugify(latin, allow_unicode=False)


def slug_formatters() -> list[tuple[str, str]]:
    """For Wagtail's slug field in the browser: the letters its own transliteration lacks."""
    only_kyrgyz = {"ң": "ng", "ө": "o", "ү": "u"}
    return list(only_kyrgyz.items()) + [(letter.upper(), latin) for letter, latin in only_kyrgyz.items()]


class LatinSlugPageForm(WagtailAdminPageForm):
    """A page form whose slug may be left empty: it is then written from the title, in Latin."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        data = self.cleaned_data
        if "slug" in self.fields and not data.get("slug") and data.get("title"):
            locale = self.instance.locale if self.instance.locale_id else getattr(self.parent_page, "locale", None)
            base = latin_slug(data["title"], locale.language_code if locale else "ky")
            parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
            slug, number = base, 1
            while base and not Page._slug_is_available(slug, parent, self.instance):
                number += 1
                slug = f"{base}-{number}"
            data["slug"] = slug
        return super().clean()
