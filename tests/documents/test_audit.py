"""The audit chain: signing, publishing and acts on orders are chained; a tampered, removed or
rewritten link is found and named; the chain refuses to change; concurrent signings do not fork it."""

import itertools
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from documents import audit
from documents.models import AuditChainError, AuditEntry
from governance.access.models import PolicyLogEntry
from governance.orders import services
from tests.conftest import on_postgresql
from tests.governance.orders.factories import People, approved, published, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def as_dba(sql: str, params=()) -> None:
    """What a database administrator could do by hand, past the model (and, on PostgreSQL, past
    the trigger, which only the table's owner or a superuser may disable)."""
    with connection.cursor() as cursor:
        if on_postgresql():
            cursor.execute("ALTER TABLE documents_auditentry DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        if on_postgresql():
            cursor.execute("ALTER TABLE documents_auditentry ENABLE TRIGGER USER")


def broken_link() -> str:
    with pytest.raises(CommandError) as error:
        call_command("verify_audit_chain")
    return str(error.value)


def test_signing_publishing_and_acts_are_chained_and_the_chain_verifies(people, capsys):
    order = published(people)
    other = signed(people, amends=[order])
    services.order_suspend(
        order=order, by_order=other, reason_ky="Текшерүү үчүн", reason_ru="Текшерүү үчүн", actor=people.chairman
    )

    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions == ["orders.sign", "orders.publish", "orders.sign", "orders.suspend"]
    assert not AuditEntry.objects.filter(action__in=["orders.submit", "orders.approve", "orders.create"]).exists()
    entries = list(AuditEntry.objects.all())
    assert [e.sequence for e in entries] == [1, 2, 3, 4]
    assert entries[0].previous_digest == audit.GENESIS
    assert all(b.previous_digest == a.digest for a, b in itertools.pairwise(entries))
    assert entries[0].object_id == str(order.pk) and entries[0].user_id == people.chairman.pk

    call_command("verify_audit_chain")
    assert "whole: 4 entries" in capsys.readouterr().out


def test_an_entry_refuses_to_change_or_go(people):
    signed(people)
    entry = AuditEntry.objects.get()
    entry.label = "Башка"
    with pytest.raises(AuditChainError):
        entry.save()
    with pytest.raises(AuditChainError):
        entry.delete()


@pytest.mark.postgresql
def test_on_postgresql_the_database_refuses_to_change_or_delete_an_entry(people):
    signed(people)
    for sql in ("UPDATE documents_auditentry SET label = 'x'", "DELETE FROM documents_auditentry"):
        with pytest.raises(Exception, match="audit_entry_append_only"), transaction.atomic(), connection.cursor() as c:
            c.execute(sql)
    assert AuditEntry.objects.get().label != "x"


def test_a_changed_entry_is_named(people):
    for _ in range(3):
        signed(people)
    call_command("verify_audit_chain")
    as_dba("UPDATE documents_auditentry SET data = %s WHERE sequence = 2", ['{"number": "99"}'])
    assert "entry #2" in broken_link() and "changed" in broken_link()


def test_a_rewritten_entry_with_a_fresh_digest_breaks_the_next_link(people):
    """Who signed is rewritten in Wagtail's log and in the chain, with the digest recomputed:
    the next link no longer points to it."""
    for _ in range(3):
        signed(people)
    entry = AuditEntry.objects.get(sequence=2)
    entry.user_id = people.deputy.pk
    as_dba(
        "UPDATE documents_auditentry SET user_id = %s, digest = %s WHERE sequence = 2",
        [people.deputy.pk, audit.compute_digest(entry)],
    )
    assert "entry #2" in broken_link() and "log entry" in broken_link()
    PolicyLogEntry.objects.filter(pk=entry.log_entry_id).update(user=people.deputy)
    assert "entry #3" in broken_link() and "does not point" in broken_link()


def test_a_removed_entry_is_named_in_the_middle_and_at_the_end(people):
    for _ in range(3):
        signed(people)
    as_dba("DELETE FROM documents_auditentry WHERE sequence = 3")
    assert "entry #3" in broken_link() and "removed from the end" in broken_link()
    as_dba("DELETE FROM documents_auditentry WHERE sequence = 1")
    assert "entry #1" in broken_link() and "missing" in broken_link()


def test_a_rewritten_wagtail_log_entry_is_named(people):
    signed(people)
    signed(people)
    log_entry = PolicyLogEntry.objects.filter(action="orders.sign").order_by("pk").last()
    PolicyLogEntry.objects.filter(pk=log_entry.pk).update(user=people.deputy)
    assert "entry #2" in broken_link() and "log entry" in broken_link()
    PolicyLogEntry.objects.filter(pk=log_entry.pk).delete()
    assert "entry #2" in broken_link() and "gone" in broken_link()


def test_the_chain_is_keyed_with_the_record_digest_key_when_there_is_one(people, settings):
    signed(people)
    entry = AuditEntry.objects.get()
    settings.RECORD_DIGEST_KEY = "a-secret-key"
    assert audit.compute_digest(entry) != entry.digest  # the plain chain no longer verifies under a key
    assert "entry #1" in broken_link()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_signings_do_not_fork_the_chain(roles):
    people = People()
    orders = [approved(people) for _ in range(12)]
    start = threading.Barrier(len(orders))
    errors = []

    def sign(order):
        try:
            start.wait()
            services.order_sign(order=order, actor=people.chairman)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(order,)) for order in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(AuditEntry.objects.values_list("sequence", flat=True)) == list(range(1, 13))
    assert audit.verify_chain() == (12, None)
