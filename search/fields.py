"""What a model gives the index beside its own fields: the stems of its searchable text.

A model declares ``index.SearchField("search_stems")`` and a ``search_stems()`` method that calls
``kyrgyz_stems(self, names)`` with the names of its Kyrgyz fields, ``russian_stems(self, names)``
with those of its Russian fields, or ``stems_of(self, ky=…, ru=…)`` for both (see docs/search.md).
"""

from collections.abc import Iterable

from django.utils.html import strip_tags
from wagtail.search import index

from search import kyrgyz, russian
from search.backends import KYRGYZ, RUSSIAN

STEMS_FIELD = "search_stems"


def text_of(value) -> str:
    """Plain text of a field's value: a string, rich text, or a StreamField's searchable content."""
    if value is None:
        return ""
    if callable(value):
        value = value()
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(str(part) for part in stream_block.get_searchable_content(value))
    return strip_tags(str(value))


def searched_names(model) -> list[str]:
    """The names of a model's full-text fields, but its stems."""
    return [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != STEMS_FIELD
    ]


def kyrgyz_stems(obj, names: Iterable[str]) -> str:
    """The index text of ``obj``'s fields ``names``, read as Kyrgyz."""
    return kyrgyz.index_text(*(text_of(getattr(obj, name, None)) for name in names))


def language_field(name: str, **kwargs) -> index.SearchField:
    """A full-text field written in one language (its name ends in ``_ky`` or ``_ru``): on a cluster
    it is analysed by that language's analyser (search/backends.py). The database backend and the
    cluster's catch-all field read it language-neutrally; there the ``search_stems`` field carries
    the Kyrgyz stems."""
    analyzer = {"_ky": KYRGYZ, "_ru": RUSSIAN}[name[-3:]]
    return index.SearchField(name, es_extra={"analyzer": analyzer}, **kwargs)


def russian_stems(obj, names: Iterable[str]) -> str:
    """The index text of ``obj``'s fields ``names``, read as Russian."""
    return russian.index_text(*(text_of(getattr(obj, name, None)) for name in names))


def stems_of(obj, *, ky: Iterable[str] = (), ru: Iterable[str] = ()) -> str:
    """The stems of a bilingual record: its Kyrgyz fields ``ky`` and its Russian fields ``ru``."""
    return " ".join(part for part in (kyrgyz_stems(obj, ky), russian_stems(obj, ru)) if part)
