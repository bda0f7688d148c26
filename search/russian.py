"""A light Russian stemmer: the Snowball algorithm for Russian, its endings stripped by rules.

The database backend has no Russian stemming (SQLite's FTS5 has none, and PostgreSQL's one
configuration serves the whole index, in both languages). So a record's Russian text keeps its
stems in the same ``search_stems`` field as the Kyrgyz stems (``search.fields``), and a query's
words are stemmed the same way: "закона", "законы" and "законов" all become "закон".

The steps follow snowballstem.org/algorithms/russian: within the region after the first vowel
(RV), remove a perfective gerund ending, else a reflexive ending and then an adjectival, verb or
noun ending; then a final и, a derivational -ость in R2, and a double н, a superlative or a soft
sign. ё is read as е. Words of three letters or fewer are kept as they are.
"""

import re

VOWELS = "аеиоуыэюя"
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"^[а-яё]+$")

_PERFECTIVE_GERUND = re.compile(r"(?:(?<=[ая])(?:в|вши|вшись)|(?:ив|ивши|ившись|ыв|ывши|ывшись))$")
_REFLEXIVE = re.compile(r"(?:ся|сь)$")
_ADJECTIVE = r"(?:ее|ие|ые|ое|ими|ыми|ей|ий|ый|ой|ем|им|ым|ом|его|ого|ему|ому|их|ых|ую|юю|ая|яя|ою|ею)"
_PARTICIPLE = r"(?:(?<=[ая])(?:ем|нн|вш|ющ|щ)|(?:ивш|ывш|ующ))"
_ADJECTIVAL = re.compile(rf"(?:{_PARTICIPLE})?{_ADJECTIVE}$")
_VERB = re.compile(
    r"(?:(?<=[ая])(?:ла|на|ете|йте|ли|й|л|ем|н|ло|но|ет|ют|ны|ть|ешь|нно)"
    r"|(?:ила|ыла|ена|ейте|уйте|ите|или|ыли|ей|уй|ил|ыл|им|ым|ен|ило|ыло|ено|ят|ует|уют|ит|ыт|ены|ить|ыть|ишь|ую|ю))$"
)
_NOUN = re.compile(
    r"(?:иями|ями|ами|ией|иям|ием|иях|ев|ов|ие|ье|еи|ии|ей|ой|ий|ям|ем|ам|ом|ах|ях|ию|ью|ия|ья|а|е|и|й|о|у|ы|ь|ю|я)$"
)
_DERIVATIONAL = re.compile(r"ость?$")
_SUPERLATIVE = re.compile(r"ейше?$")


def _regions(word: str) -> tuple[int, int]:
    """The starts of RV and R2."""
    rv = next((i + 1 for i, letter in enumerate(word) if letter in VOWELS), len(word))
    r1 = next(
        (i + 1 for i in range(1, len(word)) if word[i] not in VOWELS and word[i - 1] in VOWELS),
        len(word),
    )
    r2 = next(
        (i + 1 for i in range(r1 + 1, len(word)) if word[i] not in VOWELS and word[i - 1] in VOWELS),
        len(word),
    )
    return rv, r2


def _strip(pattern: re.Pattern, word: str, start: int) -> tuple[str, bool]:
    found = pattern.search(word[start:])
    if not found:
        return word, False
    return word[: start + found.start()], True


def stem(word: str) -> str:
    """The stem of one lower-case Russian word; a word with other letters is returned as it is."""
    word = word.lower().replace("ё", "е")
    if len(word) <= 3 or not _CYRILLIC.match(word):
        return word
    rv, r2 = _regions(word)
    word, done = _strip(_PERFECTIVE_GERUND, word, rv)
    if not done:
        word, _ = _strip(_REFLEXIVE, word, rv)
        for pattern in (_ADJECTIVAL, _VERB, _NOUN):
            word, done = _strip(pattern, word, rv)
            if done:
                break
    if word[rv:].endswith("и"):
        word = word[:-1]
    word, _ = _strip(_DERIVATIONAL, word, r2)
    if word[rv:].endswith("нн"):
        word = word[:-1]
    else:
        word, done = _strip(_SUPERLATIVE, word, rv)
        if (done and word.endswith("нн")) or word[rv:].endswith("ь"):
            word = word[:-1]
    return word


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def stems(text: str) -> str:
    """The stems of a text's words, in order, separated by spaces."""
    return " ".join(stem(word) for word in words(text))


def index_text(*texts: str) -> str:
    """The stems of all the words of ``texts``, each once, for the index."""
    seen = dict.fromkeys(stem(word) for text in texts for word in words(text))
    return " ".join(seen)
