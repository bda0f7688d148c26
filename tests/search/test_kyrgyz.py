"""The Kyrgyz stemmer's own table of cases: what it must merge, and what it must keep apart."""

import re

import pytest

from search.kyrgyz import RULES, STOP_WORDS, fold, normalise, stem, stems

# word → stem: case, possessive and plural endings, alone and stacked, in both harmonies
MERGED = {
    # кызмат "service": every case, after a consonant and after the possessive
    "кызматтын": "кызмат",
    "кызматты": "кызмат",
    "кызматка": "кызмат",
    "кызматта": "кызмат",
    "кызматтан": "кызмат",
    "кызматтагы": "кызмат",
    "кызматы": "кызмат",
    "кызматынын": "кызмат",
    "кызматын": "кызмат",
    "кызматына": "кызмат",
    "кызматында": "кызмат",
    "кызматынан": "кызмат",
    "кызматындагы": "кызмат",
    "кызматтар": "кызмат",
    # plural + possessive + case, stacked
    "мигранттар": "мигрант",
    "мигранттарга": "мигрант",
    "мигранттардын": "мигрант",
    "мигранттарынын": "мигрант",
    "мигранттарына": "мигрант",
    "жарандарынын": "жаран",
    "кызматкерлерине": "кызматкер",
    "кызматкерлердин": "кызматкер",
    # front vowels, rounded: үй "house", мүчө "member", өкмөт "government"
    "үйгө": "үй",
    "үйлөр": "үй",
    "үйлөрдө": "үй",
    "үйдөгү": "үй",
    "үйдүн": "үй",
    "үйүнөн": "үй",
    "мүчөлөр": "мүчө",
    "мүчөсү": "мүчө",
    "мүчөлөрүнө": "мүчө",
    "өкмөтү": "өкмөт",
    "өкмөтүнүн": "өкмөт",
    "өкмөткө": "өкмөт",
    # after a vowel: the -нын, -га, -сы forms
    "миграциянын": "миграция",
    "миграцияга": "миграция",
    "республикасы": "республика",
    "республикасынын": "республика",
    "федерациясында": "федерация",
    "маселеси": "маселе",
    "маселелерди": "маселе",
    # after voiced and voiceless consonants
    "адамдар": "адам",
    "адамга": "адам",
    "жылдын": "жыл",
    "жылга": "жыл",
    "жылы": "жыл",
    "жерлер": "жер",
    "жердин": "жер",
    "элдер": "эл",
    "иштер": "иш",
    "ишке": "иш",
    "иште": "иш",
    # к/г and п/б at the end of the stem
    "жүрөгү": "жүрөк",
    "жүрөккө": "жүрөк",
    "укугу": "укук",
    "укугун": "укук",
    "укуктарын": "укук",
    "эмгеги": "эмгек",
    "эмгектин": "эмгек",
    "китеби": "китеп",
    "миграциялыгы": "миграциялык",
    # polite second person and first person plural
    "арызыңыз": "арыз",
    "арызыбыз": "арыз",
    "арыздарды": "арыз",
    # normalisation: capitals, ё, the other ң
    "Кызматкерлер": "кызматкер",
    "Өкмөттүн": "өкмөт",
    "ӊ": "ң",
}

# words that must come back as they are: short words, words that only look inflected, stop words
KEPT = [
    "кызмат",
    "кызматкер",
    "миграциялык",
    "мигрант",
    "жаран",
    "адам",
    "бала",
    "суу",
    "тоо",
    "ага",
    "орун",
    "ишин",
    "бүгүн",
    "кийин",
    "мурун",
    "алар",
    "жана",
    "менен",
    "үчүн",
    "боюнча",
    "жөнүндө",
    "45",
    "1-к",
]

# pairs of different words the stemmer must not merge
APART = [
    ("кызмат", "кызматкер"),  # service, employee
    ("миграция", "миграциялык"),  # migration, migratory
    ("кызматы", "кызма"),  # not кызма + the accusative -ты: that would follow a vowel as -ны
    ("өкмөтү", "өкмө"),
    ("ишин", "иш"),  # too short to tell the accusative -н from a word's own end
]


@pytest.mark.parametrize(("word", "expected"), MERGED.items())
def test_an_inflected_word_comes_to_its_stem(word, expected):
    assert stem(word) == expected
    assert stem(expected) == expected, "a stem is its own stem"


@pytest.mark.parametrize("word", KEPT)
def test_short_words_stop_words_and_numbers_are_kept(word):
    assert stem(word) == normalise(word)


@pytest.mark.parametrize(("one", "other"), APART)
def test_different_words_stay_apart(one, other):
    assert stem(one) != stem(other)


@pytest.mark.parametrize("word", [*MERGED, *KEPT])
def test_a_word_typed_on_a_russian_keyboard_meets_its_stem(word):
    # "бугун" for "бүгүн", "окмотунун" for "өкмөтүнүн": the folded word stems to the folded stem.
    assert stem(fold(normalise(word))) == fold(stem(word))


def test_folding_keeps_й_and_never_touches_russian_letters():
    assert fold("үй өкмөт аң") == "уй окмот ан"
    assert fold("йод ёлка щука") == "йод ёлка щука"
    assert normalise("Ёлка ӈ") == "елка ң"


def test_every_stop_word_is_written_as_normalised():
    assert all(word == normalise(word) for word in STOP_WORDS)


def test_a_text_becomes_the_stems_of_its_words():
    text = "Мигранттардын укуктарын коргоо жана Өкмөтүнүн токтому, № 45"
    assert stems(text) == "мигрант укук коргоо жана өкмөт токтом 45"


def test_the_rules_use_only_what_every_backend_understands():
    # Java (Elasticsearch, OpenSearch) and PostgreSQL's regexp_replace read the same expressions:
    # no lookbehind, no named groups, no shorthand classes, no flags.
    for pattern, replacement in RULES:
        re.compile(pattern)
        assert pattern.startswith("^") and pattern.endswith("$")
        for construct in ("(?<", "(?P", r"\w", r"\d", r"\s", r"\b", "(?i"):
            assert construct not in pattern
        assert re.fullmatch(r"(\\\d+|[^\\$])*", replacement), replacement
