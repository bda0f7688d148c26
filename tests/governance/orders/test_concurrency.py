import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from governance.orders import services
from governance.orders.models import Order
from tests.governance.orders.factories import People, SeriesFactory, approved

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_thirty_concurrent_signings_in_one_series_get_thirty_consecutive_numbers(roles):
    people = People()
    orders = [approved(people) for _ in range(30)]
    start = threading.Barrier(len(orders))
    errors = []

    def sign(order):
        try:
            start.wait()
            services.order_sign(order=order, actor=people.chairman)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=sign, args=(order,)) for order in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(Order.objects.filter(pk__in=[o.pk for o in orders]).values_list("number", flat=True))
    assert numbers == list(range(1, 31))


def test_two_orders_cancelling_each_other_at_once_do_not_deadlock(roles):
    people = People()
    # Two series, and each order names the other: the first cites the number the second will get,
    # the second lists the first among the orders it refers to.
    first = services.order_sign(
        order=approved(
            people,
            series=SeriesFactory(),
            preamble_ky="№ 1-а буйрукка ылайык,",
            preamble_ru="В соответствии с приказом № 1-а,",
        ),
        actor=people.chairman,
    )
    second = services.order_sign(
        order=approved(people, series=SeriesFactory(code="admin", suffix="-а"), amends=[first]),
        actor=people.chairman,
    )
    assert first.names(second) and second.names(first)
    start = threading.Barrier(2)
    done, errors = [], []

    def cancel(order, by_order):
        try:
            start.wait()
            services.order_cancel(
                order=order,
                by_order=by_order,
                reason_ky="Бири-бирин жокко чыгарат.",
                reason_ru="Бири-бирин жокко чыгарат.",
                actor=people.chairman,
            )
            done.append(order.pk)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=pair) for pair in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # One cancellation wins; the other finds its acting order cancelled: a clear refusal, no deadlock.
    assert len(done) == 1
    assert [type(error) for error in errors] == [ValidationError]
    statuses = dict(Order.objects.filter(pk__in=[first.pk, second.pk]).values_list("pk", "status"))
    assert sorted(statuses.values()) == ["cancelled", "signed"]
