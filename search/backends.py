"""Which Wagtail search backend the site uses: the database, or a cluster when one is configured."""

from urllib.parse import urlsplit, urlunsplit

# Kyrgyz has no stemmer in Elasticsearch/OpenSearch; Russian does. Both share one index
# per model, so the analysis stays language-neutral with ICU-free folding that both clusters ship.
INDEX_SETTINGS = {
    "settings": {
        "index": {"number_of_shards": 1, "number_of_replicas": 0},
        "analysis": {
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
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
    """The WAGTAILSEARCH_BACKENDS setting: a cluster when its URL is set, else the database."""
    if elasticsearch_url and opensearch_url:
        raise ValueError("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
    if not (elasticsearch_url or opensearch_url):
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
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
