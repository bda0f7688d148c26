"""The cluster's index settings and mappings, checked without a cluster: the Kyrgyz analyser is
``search/kyrgyz.py`` written as token filters, and it must cut words as the Python stemmer does."""

import re

import pytest
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseMapping

from governance.agreements.models import Agreement
from governance.grants.models import Grant
from governance.staff.models import Employee
from search import kyrgyz
from search.backends import INDEX_SETTINGS, KYRGYZ, RUSSIAN, search_backends
from search.checks import postgres_lowercases_cyrillic
from tests.search.test_kyrgyz import KEPT, MERGED

ANALYSIS = INDEX_SETTINGS["settings"]["analysis"]


def _java_to_python(replacement: str) -> str:
    """Java's $1 as Python's \\g<1>, the only difference between the two readings of a rule."""
    return re.sub(r"\$(\d+)", r"\\g<\1>", replacement)


def analyse_kyrgyz(text: str) -> list[set[str]]:
    """The Kyrgyz analyser run in Python, filter by filter as its settings say: the tokens of each
    position (a stem and its Russian-keyboard spelling)."""
    analyzer = ANALYSIS["analyzer"][KYRGYZ]
    for name in analyzer["char_filter"]:
        for mapping in ANALYSIS["char_filter"][name]["mappings"]:
            source, target = (part.strip() for part in mapping.split("=>"))
            text = text.replace(source, target)
    positions = []
    for token in re.findall(r"\w+", text):
        tokens = {token}
        for name in analyzer["filter"]:
            config = ANALYSIS["filter"].get(name, {"type": name})
            kind = config["type"]
            if kind == "lowercase":
                tokens = {t.lower() for t in tokens}
            elif kind == "stop":
                tokens = {t for t in tokens if t not in config["stopwords"]}
            elif kind == "pattern_replace":
                count = 0 if config.get("all", True) else 1
                tokens = {
                    re.sub(config["pattern"], _java_to_python(config["replacement"]), t, count=count) for t in tokens
                }
            elif kind == "multiplexer":
                variants = set(tokens)
                for chain in config["filters"]:
                    for t in tokens:
                        for step in chain.split(","):
                            step = ANALYSIS["filter"][step.strip()]
                            t = re.sub(step["pattern"], step["replacement"], t)
                        variants.add(t)
                tokens = variants
            elif kind == "unique":
                pass
            else:
                raise AssertionError(f"a filter the test does not know: {kind}")
        if tokens:
            positions.append(tokens)
    return positions


def test_every_rule_compiles_and_keeps_its_order():
    rules = [
        ANALYSIS["filter"][name]
        for name in ANALYSIS["analyzer"][KYRGYZ]["filter"]
        if name.startswith("kyrgyz_") and ANALYSIS["filter"][name]["type"] == "pattern_replace"
    ]
    assert [rule["pattern"] for rule in rules] == [pattern for pattern, _ in kyrgyz.RULES]
    for rule in rules:
        re.compile(rule["pattern"])
        assert "\\" not in rule["replacement"]
        assert rule["all"] is False  # one replacement per layer, as the Python stemmer does


@pytest.mark.parametrize(("word", "expected"), MERGED.items())
def test_the_cluster_cuts_an_inflected_word_as_the_python_stemmer_does(word, expected):
    [tokens] = analyse_kyrgyz(word)
    assert expected in tokens
    assert tokens == {kyrgyz.stem(word), kyrgyz.fold(kyrgyz.stem(word))}


@pytest.mark.parametrize("word", [word for word in KEPT if word.isalpha() and word not in kyrgyz.STOP_WORDS])
def test_the_cluster_keeps_what_the_python_stemmer_keeps(word):
    [tokens] = analyse_kyrgyz(word)
    assert kyrgyz.stem(word) in tokens


def test_the_cluster_indexes_a_text_as_the_index_text_of_the_python_stemmer():
    text = "Мигранттардын укуктары жана Ёлкалар бүгүн"
    found = {token for tokens in analyse_kyrgyz(text) for token in tokens}
    assert found == set(kyrgyz.index_text(text).split()) - set(kyrgyz.STOP_WORDS)


def test_stop_words_are_dropped_in_both_spellings():
    assert analyse_kyrgyz("жана үчүн учун") == []


def test_russian_uses_the_clusters_own_stemmer_and_stop_words():
    russian = ANALYSIS["analyzer"][RUSSIAN]
    assert [ANALYSIS["filter"][name] for name in russian["filter"][1:]] == [
        {"type": "stop", "stopwords": "_russian_"},
        {"type": "stemmer", "language": "russian"},
    ]


def test_a_cluster_backend_carries_the_settings():
    backend = search_backends(opensearch_url="https://user:secret@search.example:9200")["default"]
    assert backend["INDEX_SETTINGS"] is INDEX_SETTINGS
    assert backend["OPTIONS"] == {"http_auth": ("user", "secret")}


@pytest.mark.parametrize("model", [Employee, Grant, Agreement])
def test_each_language_field_is_mapped_to_its_analyser(model):
    properties = ElasticsearchBaseMapping(model).get_mapping()["properties"]
    for name, mapping in properties.items():
        if name.endswith("_ky") and mapping.get("type") == "text":
            assert mapping["analyzer"] == KYRGYZ, name
        if name.endswith("_ru") and mapping.get("type") == "text":
            assert mapping["analyzer"] == RUSSIAN, name
    assert any(mapping.get("analyzer") == KYRGYZ for mapping in properties.values())
    assert any(mapping.get("analyzer") == RUSSIAN for mapping in properties.values())


@pytest.mark.django_db
def test_the_test_database_lowercases_kyrgyz_and_russian_capitals():
    # on PostgreSQL this asks the server itself; SQLite has nothing to check
    assert postgres_lowercases_cyrillic(databases=["default"]) == []
