import threading

import pytest
from django.db import connection, transaction

from documents import numbering

pytestmark = pytest.mark.django_db


def take(series, year):
    with transaction.atomic():
        return numbering.next_number(series, year)


def test_numbers_follow_each_other_per_series_and_year():
    assert [take("a", 2026) for _ in range(3)] == [1, 2, 3]
    assert take("b", 2026) == 1
    assert take("a", 2027) == 1
    assert numbering.last_number("a", 2026) == 3
    assert numbering.last_number("c", 2026) == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_number_is_taken_only_inside_a_transaction():
    with pytest.raises(numbering.NumberingError):
        numbering.next_number("a", 2026)


def test_a_rolled_back_registration_gives_its_number_again():
    take("a", 2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        assert numbering.next_number("a", 2026) == 2
        raise RuntimeError("the registration failed")

    assert take("a", 2026) == 2


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_get_consecutive_numbers():
    start = threading.Barrier(32)
    numbers, errors = [], []

    def register():
        try:
            start.wait()
            for _ in range(10):
                numbers.append(take("concurrent", 2026))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(numbers) == list(range(1, 321))
