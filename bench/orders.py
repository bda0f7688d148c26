"""Benchmark: sign and render N orders, and register numbers with 32 concurrent signers.

    .venv/bin/python bench/orders.py [--orders 200] [--signers 32] [--numbers 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kyzmat .venv/bin/python bench/orders.py

It runs on the configured database server, in a throw-away test database (``test_…``) that it
creates and drops, and prints figures; it is not part of the test run. Targets on PostgreSQL on a
2-core machine: registration at least 500 per second with no gap and no duplicate; rendering an
order's .docx at most 60 ms at the 95th percentile.
"""

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402
from django.utils import timezone  # noqa: E402

from documents import numbering  # noqa: E402
from governance.access.objects import group_for_role  # noqa: E402
from governance.access.setup import sync_roles  # noqa: E402
from governance.orders import services  # noqa: E402
from governance.orders.docx import render_order  # noqa: E402
from governance.orders.models import Order, Series  # noqa: E402

POINTS = [
    ("Эмгек мигранттарына кеңеш берүү тартиби бекитилсин.", "Утвердить порядок консультирования трудовых мигрантов."),
    ("Бөлүмдөр бир айлык мөөнөттө маалымат берсин.", "Подразделениям в месячный срок представить информацию."),
    ("Буйруктун аткарылышын көзөмөлдөө статс-катчыга жүктөлсүн.", "Контроль возложить на статс-секретаря."),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def user(username: str, role: str):
    from django.contrib.auth import get_user_model

    person, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Бенч", "last_name": username.title()}
    )
    person.groups.add(group_for_role(role))
    return person


def approved_orders(count: int, series: Series, drafter, approver) -> list[Order]:
    orders = []
    for n in range(count):
        order = services.order_create_draft(
            actor=drafter,
            series=series,
            title_ky=f"Сыноо буйругу № {n} жөнүндө",
            title_ru=f"О пробном приказе № {n}",
            preamble_ky="Ишти уюштуруу максатында,",
            preamble_ru="В целях организации работы,",
            points=POINTS,
            approvers=[approver],
        )
        order = services.order_submit(order=order, actor=drafter)
        orders.append(services.order_approve(order=order, actor=approver))
    return orders


def concurrent(signers: int, work) -> tuple[float, list, list]:
    start = threading.Barrier(signers)
    results, errors = [], []

    def run(index):
        try:
            start.wait()
            results.extend(work(index))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(signers)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, results, errors


def summary(errors: list) -> str:
    return f"{len(errors)} ({type(errors[0]).__name__}: {errors[0]})" if errors else "0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200, help="orders to sign and render (default 200)")
    parser.add_argument("--signers", type=int, default=32, help="concurrent signers (default 32)")
    parser.add_argument("--numbers", type=int, default=100, help="numbers each signer registers (default 100)")
    options = parser.parse_args()

    databases = setup_databases(verbosity=0, interactive=False)
    try:
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        sync_roles()
        drafter, approver = user("bench_drafter", "head_of_subdivision"), user("bench_approver", "state_secretary")
        chairman = user("bench_chairman", "chairman")
        series = Series.objects.create(code="bench", name_ky="Сыноо", name_ru="Проба")
        orders = approved_orders(options.orders, series, drafter, approver)

        # How long each signing holds its series' counter: from taking the number to the commit.
        locked, take = [], numbering.next_number

        def timed_next_number(key, year):
            taken = time.perf_counter()
            transaction.on_commit(lambda: locked.append((time.perf_counter() - taken) * 1000))
            return take(key, year)

        numbering.next_number = timed_next_number
        began = time.perf_counter()
        signed = [services.order_sign(order=order, actor=chairman) for order in orders]
        elapsed = time.perf_counter() - began
        numbering.next_number = take
        print(f"sign (register + freeze + render + store), one signer: {len(signed) / elapsed:.1f} orders/s")
        print(
            f"counter locked per signing (number taken to commit): "
            f"p50 {percentile(locked, 0.5):.1f} ms, p95 {percentile(locked, 0.95):.1f} ms"
        )

        timings = []
        for order in Order.objects.filter(pk__in=[o.pk for o in signed]).select_related("series", "signed_by"):
            began = time.perf_counter()
            render_order(order)
            timings.append((time.perf_counter() - began) * 1000)
        print(
            f"render .docx: {1000 / statistics.mean(timings):.1f} orders/s, "
            f"p50 {percentile(timings, 0.5):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
        )

        year = timezone.localdate().year

        def register(_index):
            taken = []
            for _ in range(options.numbers):
                with transaction.atomic():
                    taken.append(numbering.next_number("bench:registration", year))
            return taken

        elapsed, numbers, errors = concurrent(options.signers, register)
        expected = list(range(1, options.signers * options.numbers + 1))
        print(
            f"registration alone, {options.signers} concurrent signers: {len(numbers) / elapsed:.0f} numbers/s, "
            f"{len(numbers)} numbers, gap-free and unique: {sorted(numbers) == expected}, errors: {summary(errors)}"
        )

        more = approved_orders(options.signers * 2, series, drafter, approver)

        def sign(index):
            mine = more[index :: options.signers]
            return [services.order_sign(order=order, actor=chairman).number for order in mine]

        first = numbering.last_number(series.numbering_key, year)
        elapsed, numbers, errors = concurrent(options.signers, sign)
        expected = list(range(first + 1, first + len(more) + 1))
        print(
            f"order_sign, {options.signers} concurrent signers: {len(numbers) / elapsed:.1f} orders/s, "
            f"gap-free and unique: {sorted(numbers) == expected}, errors: {summary(errors)}"
        )
    finally:
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
