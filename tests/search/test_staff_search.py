"""The staff search shows a user every record the policy lets them read, and nothing else: what each
reader finds is compared with what the policy says of each record, and the counts with the rows."""

import pytest
from django.core.files.base import ContentFile
from django.core.paginator import Paginator

from documents.appeals.models import Appeal
from governance.access import policy
from governance.bodies import services as bodies
from governance.orders.models import Order
from governance.staff.models import Employee
from search import staff
from search.staff import staff_search
from tests.documents.appeals.factories import appeal
from tests.governance.bodies.factories import Collegium
from tests.governance.orders.factories import People, draft, personnel_series, signed
from tests.governance.staff.factories import EmployeeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("roles")]

WORD = "Күзгүбаев"  # a rare surname, in every kind of record below


@pytest.fixture
def people():
    return People()


@pytest.fixture
def orders(people):
    return {
        "draft": draft(people, title_ky=f"{WORD} долбоор буйругу", title_ru=f"{WORD} проект приказа"),
        "personnel": signed(
            people, series=personnel_series(), title_ky=f"{WORD} кадр буйругу", title_ru=f"{WORD} кадровый приказ"
        ),
        "signed": signed(people, title_ky=f"{WORD} ички буйругу", title_ru=f"{WORD} внутренний приказ"),
    }


def _found(user, kind: str = "") -> list:
    found = staff_search(user, WORD, kind=kind)
    return list(found.hits[0 : len(found.hits)])


def _titles(user, kind: str = "") -> set[str]:
    return {hit.title for hit in _found(user, kind)}


def test_each_reader_finds_exactly_the_orders_the_policy_lets_them_read(people, orders):
    readers = [people.drafter, people.lawyer, people.chairman, people.records, people.hr, people.outsider]
    for user in readers:
        expected = {str(o.pk) for o in orders.values() if policy.can(user, "orders.view_order", o)}
        found = {hit.link.rstrip("/").rsplit("/", 1)[-1] for hit in _found(user, "orders")}
        assert found == expected, user.username
    # not vacuous: someone reads the draft, someone else does not; the personnel order likewise
    assert policy.can(people.drafter, "orders.view_order", orders["draft"])
    assert not policy.can(people.outsider, "orders.view_order", orders["draft"])
    assert not policy.can(people.outsider, "orders.view_order", orders["personnel"])
    assert policy.can(people.hr, "orders.view_order", orders["personnel"])


def test_a_reader_without_the_right_never_finds_a_draft_or_a_personnel_order(people, orders):
    titles = _titles(people.outsider)
    assert not any(WORD in title for title in titles)
    assert staff_search(people.outsider, WORD).total == 0
    # the same words typed in another form (the Kyrgyz stems) find nothing more
    assert staff_search(people.outsider, "Күзгүбаевдин буйруктары").total == 0


def test_an_appeal_is_found_by_the_records_office_only(people):
    record, _token = appeal(name=f"Айгүл {WORD}")
    assert any(record.number in title for title in _titles(people.records, "appeals"))
    for user in (people.outsider, people.drafter, people.hr):
        assert not policy.can(user, "appeals.view_appeal", record)
        assert staff_search(user, WORD, kind="appeals").hits.count() == 0
        assert not any(record.number in title for title in _titles(user))
    assert Appeal.objects.count() == 1


@pytest.fixture
def collegium():
    return Collegium()


def _meeting_with_records(collegium):
    meeting = collegium.held(items=((f"{WORD} маселеси", f"Вопрос {WORD}"),))
    item = meeting.items.get()
    bodies.material_add(
        actor=collegium.secretary, item=item, title=f"{WORD} маалымкаты", file=ContentFile(b"%PDF-1.4", name="m.pdf")
    )
    bodies.declaration_add(actor=collegium.government, item=item, reason="Тууганым")
    minutes = bodies.minutes_draft(actor=collegium.secretary, meeting=meeting)
    return meeting, minutes


def test_a_meetings_materials_and_minutes_reach_its_members_only(collegium):
    meeting, _minutes = _meeting_with_records(collegium)
    member = _found(collegium.deputy)
    assert {hit.kind for hit in member} == {"materials", "minutes"}
    assert all(hit.link.endswith(f"/members/meetings/{meeting.pk}/") for hit in member)
    assert _found(collegium.outsider) == []
    # a member recused from the item finds its minutes, never its material
    assert {hit.kind for hit in _found(collegium.government)} == {"minutes"}


def test_a_surname_typed_by_hr_finds_the_person_first(people, orders):
    person = EmployeeFactory(full_name_ky=f"{WORD} Азамат", full_name_ru=f"{WORD} Азамат", personnel_number="K-1")
    EmployeeFactory(full_name_ky="Токтосунов Бакыт", full_name_ru="Токтосунов Бакыт")
    hits = _found(people.hr)
    assert hits[0].kind == "people" and hits[0].title == person.full_name()
    assert len([hit for hit in hits if hit.kind == "people"]) == 1
    # someone who may not read personnel records finds the orders, not the person
    assert "people" not in {hit.kind for hit in _found(people.outsider)}
    assert Employee.objects.count() == 2


def test_counts_facets_and_pages_agree_with_the_rows(people, orders):
    for index in range(7):
        EmployeeFactory(full_name_ky=f"{WORD} {index}", full_name_ru=f"{WORD} {index}")
    found = staff_search(people.hr, WORD)
    facets = {facet.kind: facet.count for facet in found.facets}
    readable = list(Order.objects.filter(pk__in=[o.pk for o in orders.values()]))
    assert facets["people"] == 7
    assert facets["orders"] == len([o for o in readable if policy.can(people.hr, "orders.view_order", o)]) > 0
    assert sum(facets.values()) == found.total == len(found.hits)
    paginator = Paginator(found.hits, 3)
    rows = [hit for number in paginator.page_range for hit in paginator.page(number).object_list]
    assert len(rows) == found.total and len({(hit.kind, hit.link) for hit in rows}) == found.total
    for kind, count in facets.items():
        narrowed = staff_search(people.hr, WORD, kind=kind)
        assert len(narrowed.hits) == count
        assert {hit.kind for hit in narrowed.hits[0:count]} == {kind}


def test_the_page_lists_kinds_counts_and_links_in_the_readers_language(
    client, people, orders, django_assert_max_num_queries
):
    client.force_login(people.chairman)
    with django_assert_max_num_queries(60):
        response = client.get("/admin/search/records/", {"q": WORD}, HTTP_ACCEPT_LANGUAGE="ru")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{WORD} внутренний приказ" in page or f"{WORD} ички буйругу" in page
    assert "kind=orders" in page


def test_the_outsiders_page_shows_none_of_the_hidden_titles(client, people, orders):
    record, _token = appeal(name=f"Айгүл {WORD}")
    client.force_login(people.outsider)
    page = client.get("/admin/search/records/", {"q": WORD}).content.decode()
    for text in ("долбоор буйругу", "проект приказа", "кадр буйругу", "кадровый приказ", record.number):
        assert text not in page


@pytest.mark.parametrize(
    "params",
    [
        {"q": "' OR 1=1 --"},
        {"q": "мигрант:*&|!()"},
        {"q": WORD, "kind": "nonsense"},
        {"q": WORD, "page": "-1"},
        {"q": WORD, "page": "99999"},
        {"q": "x" * 5000},
        {"q": ""},
    ],
)
def test_bad_input_gets_a_page_never_an_error(client, people, orders, params):
    client.force_login(people.chairman)
    assert client.get("/admin/search/records/", params).status_code == 200


def test_every_kind_is_asked_of_the_policy():
    assert next(source.kind for source in staff.SOURCES) == "people"
    assert set(staff.KINDS) == {
        "people",
        "orders",
        "decisions",
        "minutes",
        "materials",
        "appeals",
        "agreements",
        "grants",
    }


def test_past_the_ranking_bound_a_kind_is_listed_newest_first_with_the_same_count(people, orders, monkeypatch):
    employees = [EmployeeFactory(full_name_ky=f"{WORD} {n}", full_name_ru=f"{WORD} {n}") for n in range(5)]
    ranked = staff_search(people.hr, WORD, kind="people")
    monkeypatch.setattr(staff, "RANK_AT_MOST", 2)
    bounded = staff_search(people.hr, WORD, kind="people")
    assert (
        len(bounded.hits)
        == len(ranked.hits)
        == bounded.total - sum(facet.count for facet in bounded.facets if facet.kind != "people")
    )
    newest_first = [employee.full_name() for employee in reversed(employees)]
    assert [hit.title for hit in bounded.hits[0:5]] == newest_first


def test_past_the_counting_bound_a_kind_says_more_and_pages_its_newest(client, people, orders, monkeypatch):
    employees = [EmployeeFactory(full_name_ky=f"{WORD} {n}", full_name_ru=f"{WORD} {n}") for n in range(5)]
    monkeypatch.setattr(staff, "COUNT_AT_MOST", 3)
    found = staff_search(people.hr, WORD, kind="people")
    facets = {facet.kind: facet for facet in found.facets}
    assert (facets["people"].count, facets["people"].more, found.more) == (3, True, True)
    assert [hit.title for hit in found.hits[0 : len(found.hits)]] == [e.full_name() for e in employees[:1:-1]]
    # a kind within the bound is counted exactly, and still only over what the reader may see
    readable = [o for o in orders.values() if policy.can(people.hr, "orders.view_order", o)]
    assert (facets["orders"].count, facets["orders"].more) == (len(readable), False)
    client.force_login(people.hr)
    page = client.get("/admin/search/records/", {"q": WORD, "kind": "people"}, HTTP_ACCEPT_LANGUAGE="ru").content
    assert "Найдено более" in page.decode() and "(3+)" in page.decode()


@pytest.mark.parametrize("selective_at_most", [0, 1])
def test_every_shape_of_the_query_finds_the_same_rows(people, orders, monkeypatch, selective_at_most):
    """On PostgreSQL the index's matches are looked up by id when few and checked record by record
    when many (search/database.py): both shapes find exactly what the policy lets each reader see."""
    from search import database

    readers = [people.drafter, people.lawyer, people.chairman, people.records, people.hr, people.outsider]
    expected = {user.username: sorted(hit.link for hit in _found(user)) for user in readers}
    monkeypatch.setattr(database, "SELECTIVE_AT_MOST", selective_at_most)
    for user in readers:
        assert sorted(hit.link for hit in _found(user)) == expected[user.username], user.username
    assert expected[people.hr.username] and not expected[people.outsider.username]
