"""The search query a reader's words become: the words themselves, or their Kyrgyz stems.

A record written in Kyrgyz keeps the stems of its words in a search field of its own
(``search.kyrgyz.index_text``, declared by each model as ``index.SearchField("search_stems")``).
The reader's words are looked for as typed (a Russian word, a number, an exact form) or as stems
(any inflected Kyrgyz form, or one typed without ң ө ү), whichever finds more.
"""

from wagtail.search.query import PlainText, SearchQuery

from search import kyrgyz


def text_query(query: str) -> SearchQuery:
    """All of the words as typed, or all of their stems."""
    typed = PlainText(query, operator="and")
    stemmed = kyrgyz.stems(query)
    if not stemmed or stemmed.split() == kyrgyz.words(query):
        return typed
    return typed | PlainText(stemmed, operator="and")
