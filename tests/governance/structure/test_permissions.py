"""A head of subdivision changes the subdivision they head and its subtree in the admin, and
nothing else: not a parent, a sibling, another subtree; not after another head takes the unit."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.access import policy
from governance.access.models import PolicyLogEntry
from governance.structure import services
from governance.structure.models import Subdivision
from tests.factories import SubdivisionFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/structure/subdivision/"
EDIT = LIST + "edit/{}/"


@pytest.fixture
def tree(roles):
    """agency → legal (headed) → contracts → archive; agency → finance → budget."""
    agency = SubdivisionFactory(code="agency", name_ru="Служба")
    legal = SubdivisionFactory(code="legal", name_ru="Юридический отдел", parent=agency)
    contracts = SubdivisionFactory(code="contracts", name_ru="Сектор договоров", parent=legal)
    archive = SubdivisionFactory(code="archive", name_ru="Группа архива договоров", parent=contracts)
    finance = SubdivisionFactory(code="finance", name_ru="Финансовый отдел", parent=agency)
    budget = SubdivisionFactory(code="budget", name_ru="Сектор бюджета", parent=finance)
    hr = UserFactory(roles=["hr_officer"])
    head = UserFactory(roles=["head_of_subdivision"])
    services.subdivision_head_set(actor=hr, subdivision=legal, head=head)
    return (
        {
            "agency": agency,
            "legal": legal,
            "contracts": contracts,
            "archive": archive,
            "finance": finance,
            "budget": budget,
        },
        hr,
        head,
    )


def form(subdivision, **changes):
    data = {
        "code": subdivision.code,
        "name_ky": subdivision.name_ky,
        "name_ru": subdivision.name_ru,
        "kind": subdivision.kind,
        "parent": subdivision.parent_id or "",
        "sort_order": subdivision.sort_order,
        "is_active": "on",
    }
    return {**data, **changes}


def text(response):
    return response.content.decode()


def assert_denied(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard; never an error."""
    assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.mark.parametrize(
    ("name", "may"),
    [
        ("legal", True),  # the unit they head
        ("contracts", True),  # its child
        ("archive", True),  # and further down
        ("agency", False),  # the parent
        ("finance", False),  # a sibling
        ("budget", False),  # another subtree
    ],
)
def test_the_head_may_change_the_subtree_they_head_and_nothing_else(tree, name, may):
    units, _hr, head = tree

    assert policy.can(head, "structure.change_subdivision", units[name]) is may
    assert (units[name] in policy.visible(head, "structure.change_subdivision", Subdivision.objects.all())) is may
    assert policy.can(head, "structure.change_subdivision") is False  # no right on the model
    assert policy.can(head, "structure.delete_subdivision", units[name]) is False
    assert policy.can(head, "structure.add_subdivision") is False


def test_the_head_lists_the_subtree_with_edit_links_on_it_only(client, tree, django_assert_max_num_queries):
    units, _hr, head = tree
    client.force_login(head)

    with django_assert_max_num_queries(60):
        response = client.get(LIST)

    assert response.status_code == 200
    content = text(response)
    for name in ("legal", "contracts", "archive"):
        assert units[name].name_ky in content
        assert EDIT.format(units[name].pk) in content
    for name in ("agency", "finance", "budget"):
        assert EDIT.format(units[name].pk) not in content
    for name in ("finance", "budget"):  # the agency is named as the parent of the unit they head
        assert units[name].name_ky not in content
    assert LIST + "add/" not in content


def test_the_list_costs_the_same_for_a_longer_subtree(client, tree):
    units, _hr, head = tree
    client.force_login(head)
    client.get(LIST)

    with CaptureQueriesContext(connection) as before:
        client.get(LIST)
    for index in range(5):
        SubdivisionFactory(code=f"more-{index}", parent=units["contracts"])
    with CaptureQueriesContext(connection) as after:
        response = client.get(LIST)

    assert text(response).count("/admin/snippets/structure/subdivision/edit/") >= 8
    assert len(after.captured_queries) == len(before.captured_queries)


@pytest.mark.parametrize("name", ["legal", "contracts", "archive"])
def test_the_head_edits_a_subdivision_of_the_subtree_through_the_admin(client, tree, name):
    units, _hr, head = tree
    client.force_login(head)

    assert client.get(EDIT.format(units[name].pk)).status_code == 200
    response = client.post(EDIT.format(units[name].pk), form(units[name], name_ru="Новое название"))

    assert response.status_code == 302, text(response)[:2000]
    assert Subdivision.objects.get(pk=units[name].pk).name_ru == "Новое название"
    entry = PolicyLogEntry.objects.filter(object_id=str(units[name].pk), action="wagtail.edit", user=head).get()
    assert entry.user_id == head.pk


@pytest.mark.parametrize("name", ["agency", "finance", "budget"])
def test_the_head_is_refused_a_parent_a_sibling_and_another_subtree(client, tree, name):
    units, _hr, head = tree
    client.force_login(head)
    before = Subdivision.objects.get(pk=units[name].pk).name_ru

    assert_denied(client.get(EDIT.format(units[name].pk)))
    assert_denied(client.post(EDIT.format(units[name].pk), form(units[name], name_ru="Захвачено")))

    assert Subdivision.objects.get(pk=units[name].pk).name_ru == before
    assert_denied(client.get(LIST + f"delete/{units[name].pk}/"))


def test_an_unknown_subdivision_is_not_found_not_an_error(client, tree):
    _units, _hr, head = tree
    client.force_login(head)

    assert client.get(EDIT.format(999999)).status_code == 404
    assert client.get(LIST + "edit/abc/").status_code == 404


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("contracts", "finance"),  # a child taken out of the subtree into another one
        ("archive", "agency"),  # up, above the unit they head
        ("legal", "finance"),  # the unit they head moved elsewhere in the structure
        ("legal", None),  # or made a top-level unit
    ],
)
def test_the_head_cannot_move_a_subdivision_out_of_the_subtree(client, tree, name, parent):
    units, _hr, head = tree
    client.force_login(head)
    target = units[parent].pk if parent else ""
    before = units[name].parent_id

    response = client.post(EDIT.format(units[name].pk), form(units[name], parent=target, name_ru="Перенесено"))

    assert response.status_code == 200
    assert "Бөлүмдү сиз өзгөртө ала турган түзүмдүн бөлүгүнүн ичинде гана которсоңуз болот." in text(response)
    stored = Subdivision.objects.get(pk=units[name].pk)
    assert (stored.parent_id, stored.name_ru) == (before, units[name].name_ru)


def test_the_head_moves_a_subdivision_within_the_subtree(client, tree):
    units, _hr, head = tree
    client.force_login(head)

    response = client.post(EDIT.format(units["archive"].pk), form(units["archive"], parent=units["legal"].pk))

    assert response.status_code == 302, text(response)[:2000]
    assert Subdivision.objects.get(pk=units["archive"].pk).parent_id == units["legal"].pk


def test_anonymous_users_are_sent_to_log_in(client, tree):
    units, _hr, _head = tree

    for url in (LIST, EDIT.format(units["contracts"].pk)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    response = client.post(EDIT.format(units["contracts"].pk), form(units["contracts"], name_ru="Аноним"))
    assert response.status_code == 302
    assert Subdivision.objects.get(pk=units["contracts"].pk).name_ru == "Сектор договоров"


def test_an_ex_head_loses_the_subtree_when_the_head_changes(client, tree):
    units, hr, head = tree
    successor = UserFactory(roles=["head_of_subdivision"])

    services.subdivision_head_set(actor=hr, subdivision=units["legal"], head=successor)

    client.force_login(head)
    for name in ("legal", "contracts", "archive"):
        assert_denied(client.get(EDIT.format(units[name].pk)))
    assert_denied(client.post(EDIT.format(units["contracts"].pk), form(units["contracts"], name_ru="Бывший")))
    assert Subdivision.objects.get(pk=units["contracts"].pk).name_ru == "Сектор договоров"
    listing = text(client.get(LIST))  # still reads the structure (a model right), changes none of it
    assert EDIT.format(units["contracts"].pk) not in listing
    assert units["finance"].name_ky in listing

    client.force_login(successor)
    response = client.post(EDIT.format(units["contracts"].pk), form(units["contracts"], name_ru="Новый"))
    assert response.status_code == 302
    assert Subdivision.objects.get(pk=units["contracts"].pk).name_ru == "Новый"


def test_only_who_keeps_the_structure_moves_the_head_s_right(tree):
    units, _hr, head = tree

    with pytest.raises(PermissionDenied):
        services.subdivision_head_set(actor=head, subdivision=units["finance"], head=head)
    assert policy.can(head, "structure.change_subdivision", units["finance"]) is False


def test_hr_lists_and_changes_every_subdivision(client, tree):
    units, hr, _head = tree
    client.force_login(hr)

    content = text(client.get(LIST))
    for subdivision in units.values():
        assert EDIT.format(subdivision.pk) in content
    response = client.post(EDIT.format(units["legal"].pk), form(units["legal"], parent=units["finance"].pk))
    assert response.status_code == 302
    assert Subdivision.objects.get(pk=units["legal"].pk).parent_id == units["finance"].pk
