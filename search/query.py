"""The search query a reader's words become: the words themselves, or their stems.

A record keeps the stems of its words in a search field of its own (``search.fields``: Kyrgyz
stems for its Kyrgyz text, Russian stems for its Russian text, declared by each model as
``index.SearchField("search_stems")``). The reader's words are looked for as typed (a number, an
exact form), as Kyrgyz stems (any inflected Kyrgyz form, or one typed without ң ө ү) or as Russian
stems (any inflected Russian form), whichever finds more.
"""

import functools
import re

from django.utils.html import escape, format_html, format_html_join
from wagtail.search.query import PlainText, SearchQuery

from search import kyrgyz, russian


def stem_forms(query: str) -> list[str]:
    """The query's words as Kyrgyz stems and as Russian stems, where they differ from the words."""
    typed = kyrgyz.words(query)
    forms = []
    for stemmed in (kyrgyz.stems(query), russian.stems(kyrgyz.normalise(query))):
        if stemmed and stemmed.split() != typed and stemmed not in forms:
            forms.append(stemmed)
    return forms


def text_query(query: str) -> SearchQuery:
    """All of the words as typed, or all of their Kyrgyz stems, or all of their Russian stems."""
    result = PlainText(query, operator="and")
    for stemmed in stem_forms(query):
        result = result | PlainText(stemmed, operator="and")
    return result


# How well a text answers the query, and the query's words marked in it. The backend finds the
# candidates; these rank them the same way on every backend (exact forms above stems) and mark them.

_TOKEN = re.compile(r"\w+")
EXACT, ALL_TYPED, ALL_FORMS, SOME, NONE = range(5)


@functools.lru_cache(maxsize=20000)
def _forms(word: str) -> tuple[str, str, str]:
    """A word's Kyrgyz stem, the same as typed on a Russian keyboard, and its Russian stem."""
    word = kyrgyz.normalise(word)
    kyrgyz_stem = kyrgyz.stem(word)
    return kyrgyz_stem, kyrgyz.fold(kyrgyz_stem), russian.stem(word)


def _same(word: str, typed: str) -> bool:
    """Whether a text's word is the typed word in another form (or typed without ң ө ү)."""
    ky, folded, ru = _forms(word)
    typed_ky, typed_folded, typed_ru = _forms(typed)
    return ky == typed_ky or folded == typed_folded or ru == typed_ru


class Match:
    """A reader's query, ready to rank and mark texts with."""

    def __init__(self, query: str):
        self.query = kyrgyz.normalise(query)
        self.typed = kyrgyz.words(query)

    def level(self, text: str) -> int:
        """EXACT: the text is the query; ALL_TYPED: every word as typed; ALL_FORMS: every word in
        some form; SOME: some words; NONE."""
        if not self.typed or not text:
            return NONE
        words = kyrgyz.words(text)
        if " ".join(words) == " ".join(self.typed):
            return EXACT
        present = set(words)
        if all(word in present for word in self.typed):
            return ALL_TYPED
        found = [any(word == typed or _same(word, typed) for word in present) for typed in self.typed]
        if all(found):
            return ALL_FORMS
        return SOME if any(found) else NONE

    def marks(self, word: str) -> bool:
        word = kyrgyz.normalise(word)
        return any(word == typed or _same(word, typed) for typed in self.typed)

    def highlight(self, text: str, *, words: int | None = None) -> str:
        """``text`` escaped, the query's words in any form within <mark>; cut to about ``words``
        words around the first one marked."""
        tokens = list(_TOKEN.finditer(text))
        marked = [token for token in tokens if len(token.group()) > 1 or token.group().isdigit()]
        marked = [token for token in marked if self.marks(token.group())]
        start, end, prefix, suffix = 0, len(text), "", ""
        if words is not None and len(tokens) > words:
            first = tokens.index(marked[0]) if marked else 0
            lo = max(0, first - words // 3)
            hi = min(len(tokens), lo + words)
            start = tokens[lo].start() if lo else 0
            end = tokens[hi - 1].end() if hi < len(tokens) else len(text)
            prefix, suffix = ("… " if lo else ""), (" …" if hi < len(tokens) else "")
        parts, position = [prefix], start
        for token in marked:
            if token.start() < start or token.end() > end:
                continue
            parts.append(escape(text[position : token.start()]))
            parts.append(format_html("<mark>{}</mark>", token.group()))
            position = token.end()
        parts.append(escape(text[position:end]))
        parts.append(suffix)
        return format_html_join("", "{}", ((part,) for part in parts))
