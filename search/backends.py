"""Which Wagtail search backend the site uses: the database, or a cluster when one is configured."""

from urllib.parse import urlsplit, urlunsplit

from search import kyrgyz

KYRGYZ = "kyrgyz"
RUSSIAN = "russian"

# Kyrgyz, as search/kyrgyz.py reads it: ё → е and ӊ, ӈ → ң before the words are cut, the stop words
# dropped, the case, possessive and plural layers stripped by the very expressions of
# ``kyrgyz.RULES`` (Java's regular expressions read them as Python does; only the back-reference
# is written $1 instead of \1), and each stem kept also as typed on a Russian keyboard.
_RULE_NAMES = ("case", "possessive", "plural", "final_g", "final_b")
KYRGYZ_RULE_FILTERS = {
    f"kyrgyz_{name}": {
        "type": "pattern_replace",
        "pattern": pattern,
        "replacement": replacement.replace("\\", "$"),
        "all": False,
    }
    for name, (pattern, replacement) in zip(_RULE_NAMES, kyrgyz.RULES, strict=True)
}
KYRGYZ_FOLD_FILTERS = {
    f"kyrgyz_fold_{index}": {"type": "pattern_replace", "pattern": letter, "replacement": folded}
    for index, (letter, folded) in enumerate((("ң", "н"), ("ө", "о"), ("ү", "у")))
}
KYRGYZ_STOP_WORDS = sorted({*kyrgyz.STOP_WORDS, *(kyrgyz.fold(word) for word in kyrgyz.STOP_WORDS)})

INDEX_SETTINGS = {
    "settings": {
        "index": {"number_of_shards": 1, "number_of_replicas": 0},
        "analysis": {
            "char_filter": {
                "kyrgyz_normalise": {
                    "type": "mapping",
                    "mappings": ["ё => е", "Ё => Е", "ӊ => ң", "Ӊ => Ң", "ӈ => ң", "Ӈ => Ң"],
                },
            },
            "filter": {
                "kyrgyz_stop": {"type": "stop", "stopwords": KYRGYZ_STOP_WORDS},
                **KYRGYZ_RULE_FILTERS,
                **KYRGYZ_FOLD_FILTERS,
                "kyrgyz_folded_too": {
                    "type": "multiplexer",
                    "filters": [", ".join(KYRGYZ_FOLD_FILTERS)],
                    "preserve_original": True,
                },
                "kyrgyz_unique": {"type": "unique", "only_on_same_position": True},
                "russian_stop": {"type": "stop", "stopwords": "_russian_"},
                "russian_stemmer": {"type": "stemmer", "language": "russian"},
            },
            "analyzer": {
                # both languages in one catch-all field: folding only, as before
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                KYRGYZ: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["kyrgyz_normalise"],
                    "filter": [
                        "lowercase",
                        "kyrgyz_stop",
                        *KYRGYZ_RULE_FILTERS,
                        "kyrgyz_folded_too",
                        "kyrgyz_unique",
                    ],
                },
                RUSSIAN: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "russian_stop", "russian_stemmer"],
                },
            },
        },
    },
}


def _split_credentials(url: str) -> tuple[str, dict]:
    """Move user:password out of the URL into the client options that modelsearch expects."""
    parts = urlsplit(url)
    options = {}
    if parts.username:
        options["http_auth"] = (parts.username, parts.password or "")
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        url = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return url, options


def search_backends(*, elasticsearch_url: str = "", opensearch_url: str = "", index_prefix: str = "kyzmat_") -> dict:
    """The WAGTAILSEARCH_BACKENDS setting: a cluster when its URL is set, else the database
    (``search.database``: Wagtail's database backend, its PostgreSQL queries shaped for a large index)."""
    if elasticsearch_url and opensearch_url:
        raise ValueError("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
    if not (elasticsearch_url or opensearch_url):
        return {"default": {"BACKEND": "search.database"}}
    backend = "elasticsearch9" if elasticsearch_url else "opensearch3"
    url, options = _split_credentials(elasticsearch_url or opensearch_url)
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.{backend}",
            "URLS": [url],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": 10,
            "OPTIONS": options,
            "INDEX_SETTINGS": INDEX_SETTINGS,
            "AUTO_UPDATE": True,
            "ATOMIC_REBUILD": True,
        }
    }
