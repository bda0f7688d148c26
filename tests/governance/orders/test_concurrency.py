import threading

import pytest
from django.db import connection

from governance.orders import services
from governance.orders.models import Order
from tests.governance.orders.factories import People, approved

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
