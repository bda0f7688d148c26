"""Benchmark: staff search over N bilingual orders on PostgreSQL, by query class.

    .venv/bin/python bench/search.py [--records 200000] [--runs 20]

It works in its own PostgreSQL database, ``kyzmat_bench_search`` on the server of DATABASE_URL
(postgres://postgres@127.0.0.1:5432 when unset), creates and migrates it when missing, and adds
orders until there are ``--records`` of them, each with both titles and its index entry, in batches
of 2,000 (one insert of the orders, one of their index entries, built by the backend's own indexer;
``--runs 0`` only builds the corpus); a second run reuses them. One Kyrgyz and one Russian word
stand in half of the records (the common words); one of 1,000 surnames in one record in twenty (the
rare words). Each query class is timed as the staff search page runs it (``search.staff.staff_search``
for a reader of every order, then its first page of 20), and the median and the 95th percentile
are printed with the corpus size and the matches found ("1,000+": the search counts a kind up to
1,000). It asserts nothing; the target is a 95th percentile of at most 50 ms for every class.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
DATABASE = "kyzmat_bench_search"
server = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
os.environ["DATABASE_URL"] = urlunsplit(server._replace(path=f"/{DATABASE}"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import psycopg  # noqa: E402

with psycopg.connect(urlunsplit(server._replace(path="/postgres")), autocommit=True) as admin:
    if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone():
        admin.execute(f"CREATE DATABASE \"{DATABASE}\" ENCODING 'UTF8' TEMPLATE template0")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models.sql.subqueries import InsertQuery  # noqa: E402
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer  # noqa: E402
from modelsearch.utils import get_content_type_pk  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from governance.access.objects import group_for_role  # noqa: E402
from governance.access.setup import sync_roles  # noqa: E402
from governance.orders.enums import Confidentiality  # noqa: E402
from governance.orders.models import Order, Series  # noqa: E402
from search.staff import PER_PAGE, staff_search  # noqa: E402


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KY_WORDS = _words(
    "эмгек мигранттарына кеңеш берүү тартиби бекитилсин бөлүмдөр бир айлык мөөнөттө маалымат берсин "
    "буйруктун аткарылышын көзөмөлдөө статс-катчыга жүктөлсүн жарандыгы паспорт каттоо чет элдик "
    "жарандар убактылуу жашоо уруксат документтер кабыл алуу борбору аймактык башкармалык тизмеси "
    "өзгөртүүлөр киргизүү жөнүндө боюнча иш-чаралар пландары отчет кызматкерлерди окутуу семинар"
)
RU_WORDS = _words(
    "трудовых мигрантов консультирования порядок утвердить подразделениям месячный срок представить "
    "информацию контроль исполнением приказа возложить статс-секретаря гражданства паспорт регистрация "
    "иностранных граждан временное проживание разрешение документов приём центр территориальное "
    "управление список изменений внесении мероприятиях плана отчёт обучении сотрудников семинара"
)
COMMON = ("кызмат", "служба")  # in half of the records, one per language
ROOTS = ("Асан", "Бакыт", "Дөөлөт", "Жыргал", "Нурлан", "Мирлан", "Таалай", "Эрмек", "Үсөн", "Чынгыз")
ENDINGS = ("ов", "бек", "баев", "алиев", "кулов", "беков", "таев", "ыков", "ганов", "жанов")
SURNAMES = [f"{root}{ending}{letter}" for root in ROOTS for ending in ENDINGS for letter in "абвгдежзик"]

CLASSES = {
    "ky rare": ["Асанбаевв", "Мирланбековг", "Үсөнтаевж", "Чынгызкуловб"],
    "ky common": ["кызмат", "кызматтын", "кызматы"],
    "ky two words": ["кызмат мигранттарына", "паспорт каттоо", "жарандар уруксат"],
    "ru rare": ["Асанбаевв", "Нурланжановк"],
    "ru common": ["служба", "службы"],
    "ru two words": ["служба мигрантов", "паспорт регистрация", "граждан разрешение"],
}


def title(rng: random.Random, words: tuple[str, ...] | list[str], common: str | None, surname: str | None) -> str:
    picked = rng.sample(words, 6)
    if common:
        picked.insert(rng.randrange(len(picked)), common)
    if surname:
        picked.append(surname)
    return " ".join(picked)[:500]


class Indexer(ObjectIndexer):
    """The backend's own indexer, reading each search field once: it builds four texts from the same
    fields (title, body, autocomplete, plain text) and would compute an order's stems four times."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:
            yield from super().prepare_field(obj, field)
            return
        cache = self.__dict__.setdefault("_prepared", {})
        if id(field) not in cache:
            cache[id(field)] = list(super().prepare_field(obj, field))
        yield from cache[id(field)]


def index_entries(model, objs) -> None:
    """Add ``objs``' index entries in one statement, as the PostgreSQL backend's ``add_items`` does
    (the same vectors and texts, compiled by its own indexer), but without refreshing every title's
    norm after each batch: ``generate`` does that once at the end."""
    index = get_search_backend().get_index_for_model(model)
    connection_ = index.write_connection
    compiler = InsertQuery(IndexEntry).get_compiler(connection=connection_)
    content_type = get_content_type_pk(model)
    rows, params = [], []
    for obj in objs:
        indexer = Indexer(obj, index.backend)
        vectors = []
        params.extend((content_type, indexer.id))
        for name in ("title", "autocomplete", "body"):
            value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
            sql, vector_params = value.as_sql(compiler, connection_)
            vectors.append(sql)
            params.extend(vector_params)
        params.extend((indexer.title_text, indexer.body_text))
        rows.append(f"(%s, %s, {', '.join(vectors)}, 1.0, %s, %s)")
    with connection_.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {IndexEntry._meta.db_table} "  # noqa: S608 (our own table and placeholders)
            "(content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
            f"VALUES {', '.join(rows)}",
            params,
        )


def generate(records: int, drafter, series: Series) -> None:
    existing = Order.objects.count()
    rng = random.Random(existing)  # noqa: S311 (test data, not secrets)
    started = time.perf_counter()
    batch = 2000
    for first in range(existing, records, batch):
        orders = []
        for index in range(first, min(first + batch, records)):
            common = index % 2 == 0
            surname = SURNAMES[rng.randrange(len(SURNAMES))] if rng.random() < 0.05 else None
            orders.append(
                Order(
                    series=series,
                    drafter=drafter,
                    confidentiality=Confidentiality.INTERNAL if index % 3 else "",
                    title_ky=title(rng, KY_WORDS, COMMON[0] if common else None, surname),
                    title_ru=title(rng, RU_WORDS, COMMON[1] if common else None, surname),
                )
            )
        with transaction.atomic():
            index_entries(Order, Order.objects.bulk_create(orders))
        done = first + len(orders)
        elapsed = time.perf_counter() - started
        rate = (done - existing) / elapsed
        print(f"\r{done:,} of {records:,} orders ({elapsed:.0f} s, {rate:.0f} a second)", end="", flush=True)
    if records > existing:
        print()
        get_search_backend().get_index_for_model(Order)._refresh_title_norms()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def span(matches: list[str]) -> str:
    """The fewest and the most matches of a class's queries ("1,000+": more than counted)."""
    ordered = sorted(set(matches), key=lambda text: (int(text.rstrip("+").replace(",", "")), text))
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]}–{ordered[-1]}"


def measure(reader, query: str) -> tuple[float, str]:
    started = time.perf_counter()
    found = staff_search(reader, query, kind="orders")
    rows = found.hits[0:PER_PAGE]
    elapsed = (time.perf_counter() - started) * 1000
    assert len(rows) <= PER_PAGE
    return elapsed, f"{found.total:,}{'+' if found.more else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20, help="0: only build the corpus")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    sync_roles()
    drafter, _ = get_user_model().objects.get_or_create(username="bench-drafter")
    reader, _ = get_user_model().objects.get_or_create(username="bench-reader")
    reader.groups.add(group_for_role("hr_officer"), group_for_role("chairman"))
    series, _ = Series.objects.get_or_create(
        code="bench", defaults={"name_ky": "Бенч", "name_ru": "Бенч", "confidentiality": Confidentiality.INTERNAL}
    )
    generate(args.records, drafter, series)
    if args.runs < 1:
        return

    total = Order.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print(f"\nCorpus: {total:,} orders (both titles each), PostgreSQL {version}, {os.cpu_count()} cores")
    print(f"Each class: {args.runs} runs of each query, after one warm-up run\n")
    print("| class | queries | matches | median ms | p95 ms | target |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for name, queries in CLASSES.items():
        timings, matches = [], []
        for query in queries:
            matches.append(measure(reader, query)[1])
            timings += [measure(reader, query)[0] for _ in range(args.runs)]
        p95 = percentile(timings, 0.95)
        print(
            f"| {name} | {', '.join(queries)} | {span(matches)} | "
            f"{statistics.median(timings):.1f} | {p95:.1f} | {'✓' if p95 <= 50 else '✗'} ≤ 50 |"
        )


if __name__ == "__main__":
    main()
