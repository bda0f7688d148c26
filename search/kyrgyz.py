"""A light Kyrgyz stemmer: case, possessive and plural endings stripped by regular expressions.

Kyrgyz words grow by suffixes in a fixed order: stem + plural + possessive + case
(мигрант-тар-ы-нын "of their migrants"). The stemmer strips them from the outside in, one layer at
a time, each layer at most once:

1. case: genitive -нын, accusative -ны, dative -га, locative -да, ablative -дан, the attributive
   locative -дагы, and their forms after a third-person possessive (-на, -нда, -нан, -ндагы, -н);
2. possessive: third person -ы/-сы, first person plural -быз, polite second person -ңыз;
3. plural: -лар, -дар, -тар.

Each suffix comes in the variants that vowel harmony and the stem's last sound call for (-лар,
-лер, -лор, -лөр); a suffix is stripped only when its vowel agrees with the last vowel of what
stays (front е и э ө ү, back а о у ы я ю), and only when enough of the word stays (a short word is
left alone: алар, мурун, бүгүн). A final г or б, which a stem's к or п becomes before a vowel
(жүрөк → жүрөгү, китеп → китеби), is written к or п in every stem, so both forms meet.
Derivational suffixes are kept: кызмат (service) and кызматкер (employee) stay apart, as do
миграция and миграциялык. Postpositions, conjunctions and pronouns (STOP_WORDS) are never stemmed.

Normalisation first: lower case, ё → е, ӊ and ӈ → ң; й is never folded. ``fold`` writes a word the
way it is typed on a Russian keyboard (ң → н, ө → о, ү → у); the suffix tables carry the folded
variants too, so ``stem(fold(word)) == fold(stem(word))`` and "бугун" finds "бүгүн".

Every layer is one regular expression, kept in ``RULES`` as (pattern, replacement) pairs in the
subset that Python, Java (Elasticsearch and OpenSearch ``pattern_replace``) and PostgreSQL's
``regexp_replace`` share: anchors, character classes, non-capturing groups and lookahead.
"""

import re
from collections.abc import Iterable

VOWELS = "аеиоуыэюяөү"
BACK = "аоуыюя"
FRONT = "еиэөү"
HIGH = {BACK: "ыу", FRONT: "иү"}
CONSONANT = f"[^{VOWELS}]"
VOICELESS = "пткфсшщчхц"
VOICED = "бвгджзлмнңрй"

STOP_WORDS = frozenset(
    (
        "жана",
        "менен",
        "үчүн",
        "боюнча",
        "жөнүндө",
        "тууралуу",
        "аркылуу",
        "карата",
        "каршы",
        "чейин",
        "кийин",
        "мурун",
        "бери",
        "ары",
        "же",
        "да",
        "де",
        "дагы",
        "эле",
        "гана",
        "бирок",
        "эгер",
        "анткени",
        "ошондуктан",
        "ал",
        "алар",
        "бул",
        "булар",
        "ошол",
        "ошолор",
        "ушул",
        "ушулар",
        "тигил",
        "тигилер",
        "мен",
        "сен",
        "биз",
        "сиз",
        "силер",
        "өзү",
        "өз",
        "бардык",
        "ар",
        "бир",
        "ким",
        "эмне",
        "кайсы",
        "канча",
        "бар",
        "жок",
        "болуп",
        "болот",
        "болгон",
        "болор",
        "келер",
    )
)

_FOLD = str.maketrans({"ң": "н", "ө": "о", "ү": "у"})
_NORMALISE = str.maketrans({"ё": "е", "ӊ": "ң", "ӈ": "ң"})
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    return text.lower().translate(_NORMALISE)


def fold(text: str) -> str:
    """How the text reads when ң, ө and ү are typed on a Russian keyboard."""
    return text.translate(_FOLD)


def _variants(patterns: Iterable[str], vowels: str) -> list[str]:
    """Each suffix pattern with "V" replaced by each of ``vowels``."""
    return [pattern.replace("V", vowel) for pattern in patterns for vowel in vowels]


# What the stem must end with for a suffix to follow it (the suffix's first sound depends on it):
VOWEL = "vowel"  # a vowel: -нын, -ны, -сы
POSSESSED = "possessed"  # the high vowel of a third-person possessive: кызматы-нда
SOFT = "soft"  # a vowel, р or й: -лар
VOICED_END = "voiced"  # a voiced consonant: -дын, -ды, -дар
OPEN = "open"  # a vowel or a voiced consonant: -га, -да, -дан, -дагы
HARD = "hard"  # a voiceless consonant: -тын, -ты, -тар, -ка, -та, -тан
CLOSED = "closed"  # any consonant: the possessive -ы, -ыбыз, -ыңыз

_ENDS = {
    VOWEL: "",
    POSSESSED: "",
    SOFT: "[рй]?",
    VOICED_END: f"{CONSONANT}*[{VOICED}]",
    OPEN: f"(?:{CONSONANT}*[{VOICED}])?",
    HARD: f"{CONSONANT}*[{VOICELESS}]",
    CLOSED: f"{CONSONANT}+",
}


def _branch(suffixes: Iterable[str], *, harmony: str, ends: str, min_stem: int = 2) -> list[tuple[str, list[str]]]:
    """(stem pattern, suffixes) pairs: the stem's last vowel agrees with ``harmony`` and the stem
    ends as ``ends`` asks, grouped by suffix length so that a lookahead can ask for ``min_stem``
    letters before the suffix."""
    last = HIGH[harmony] if ends == POSSESSED else harmony
    stem = f".*[{last}]{_ENDS[ends]}"
    by_length: dict[int, list[str]] = {}
    for suffix in dict.fromkeys([*suffixes, *(fold(suffix) for suffix in suffixes)]):
        by_length.setdefault(len(suffix), []).append(suffix)
    return [(f"(?=.{{{min_stem + length},}})({stem})", by_length[length]) for length in sorted(by_length, reverse=True)]


def _layer(*branches: tuple[str, list[str]]) -> tuple[str, str]:
    """One layer as one expression: the first branch that matches strips its suffix."""
    parts = [f"{stem}(?:{'|'.join(suffixes)})" for stem, suffixes in branches]
    replacement = "".join(f"\\{index}" for index in range(1, len(parts) + 1))
    return f"^(?:{'|'.join(parts)})$", replacement


def _harmonic(low_or_high: str, patterns: list[str], *, ends: str, min_stem: int = 2) -> list[tuple[str, list[str]]]:
    """The back and front variants of ``patterns``: "V" is a low vowel (а о / е ө) or a high one
    (ы у / и ү), as ``low_or_high`` says."""
    back, front = ("ао", "еө") if low_or_high == "low" else (HIGH[BACK], HIGH[FRONT])
    return [
        *_branch(_variants(patterns, back), harmony=BACK, ends=ends, min_stem=min_stem),
        *_branch(_variants(patterns, front), harmony=FRONT, ends=ends, min_stem=min_stem),
    ]


_CASE = _layer(
    # after a third-person possessive: кызматы-ндагы, кызматы-нын, кызматы-нан, кызматы-нда, кызматы-на
    *_branch(["ндагы", "ндогу"], harmony=BACK, ends=POSSESSED, min_stem=3),
    *_branch(["ндеги", "ндөгү"], harmony=FRONT, ends=POSSESSED, min_stem=3),
    *_harmonic("low", ["нVн", "ндV", "нV"], ends=POSSESSED, min_stem=3),
    # the attributive locative: кызмат-тагы, үй-дөгү
    *_branch(["дагы", "догу"], harmony=BACK, ends=OPEN),
    *_branch(["деги", "дөгү"], harmony=FRONT, ends=OPEN),
    *_branch(["тагы", "тогу"], harmony=BACK, ends=HARD),
    *_branch(["теги", "төгү"], harmony=FRONT, ends=HARD),
    # genitive and accusative
    *_harmonic("high", ["нVн", "нV"], ends=VOWEL),
    *_harmonic("high", ["дVн", "дV"], ends=VOICED_END),
    *_harmonic("high", ["тVн", "тV"], ends=HARD),
    # ablative, locative, dative
    *_harmonic("low", ["дVн", "дV", "гV"], ends=OPEN),
    *_harmonic("low", ["тVн", "тV", "кV"], ends=HARD),
    # the accusative after a third-person possessive (кызматы-н), only on longer words: мурун,
    # бүгүн and кийин end the same way
    *_branch(["н"], harmony=BACK, ends=POSSESSED, min_stem=5),
    *_branch(["н"], harmony=FRONT, ends=POSSESSED, min_stem=5),
)

_POSSESSIVE = _layer(
    # polite second person and first person plural: арыз-ыңыз, арыз-ыбыз, маселе-ңиз
    *_harmonic("high", ["VңVз", "VбVз"], ends=CLOSED),
    *_harmonic("high", ["ңVз", "бVз"], ends=VOWEL),
    # third person: республика-сы, кызмат-ы
    *_harmonic("high", ["сV"], ends=VOWEL, min_stem=3),
    *_harmonic("high", ["V"], ends=CLOSED),
)

_PLURAL = _layer(
    *_harmonic("low", ["лVр"], ends=SOFT),
    *_harmonic("low", ["дVр"], ends=VOICED_END),
    *_harmonic("low", ["тVр"], ends=HARD),
)

# A stem's final г and б are its к and п before a vowel.
_FINAL = (r"^(.+)г$", r"\1к"), (r"^(.+)б$", r"\1п")

RULES: tuple[tuple[str, str], ...] = (_CASE, _POSSESSIVE, _PLURAL, *_FINAL)
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in RULES)


def stem(word: str) -> str:
    """The stem of one word (normalised first); a stop word or a short word comes back as it is."""
    word = normalise(word)
    if word in STOP_WORDS or fold(word) in _FOLDED_STOP_WORDS or not word.isalpha():
        return word
    for pattern, replacement in _COMPILED:
        word = pattern.sub(replacement, word, count=1)
    return word


_FOLDED_STOP_WORDS = frozenset(fold(word) for word in STOP_WORDS)


def words(text: str) -> list[str]:
    """The text's words, normalised."""
    return _WORD.findall(normalise(text))


def stems(text: str) -> str:
    """The stems of a text's words, space-separated: what the index keeps beside the original."""
    return " ".join(stem(word) for word in words(text))


def index_text(*texts: str) -> str:
    """What a Kyrgyz record keeps in its index beside its own text: the stems of its words, and
    each stem as typed on a Russian keyboard where that differs ("бүгүн" and "бугун")."""
    found = [stem(word) for text in texts if text for word in words(text)]
    folded = [fold(word) for word in found]
    return " ".join(dict.fromkeys([*found, *(word for word in folded if word not in found)]))
