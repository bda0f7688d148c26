import pytest

from governance.structure.models import Subdivision
from tests.factories import SubdivisionFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/structure/subdivision/"
ADD = LIST + "add/"


def test_hr_officer_adds_a_subdivision_through_the_admin(client, roles):
    client.force_login(UserFactory(roles=["hr_officer"]))

    response = client.post(
        ADD,
        {
            "code": "audit",
            "name_ky": "Ички аудит бөлүмү",
            "name_ru": "Отдел внутреннего аудита",
            "kind": "division",
            "sort_order": 10,
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Subdivision.objects.get(code="audit").name_ru == "Отдел внутреннего аудита"


def test_records_officer_reads_the_structure_but_cannot_change_it(client, roles):
    legal = SubdivisionFactory(code="legal")
    client.force_login(UserFactory(roles=["records_officer"]))

    assert client.get(LIST).status_code == 200
    assert client.get(ADD).status_code in (302, 403)
    response = client.post(
        f"{LIST}edit/{legal.pk}/", {"code": "legal", "name_ky": "x", "name_ru": "x", "kind": "division"}
    )
    assert response.status_code in (302, 403)
    legal.refresh_from_db()
    assert legal.name_ky != "x"


def test_editor_without_the_structure_role_sees_no_structure(client, roles):
    client.force_login(UserFactory(roles=["editor"]))

    assert client.get(LIST).status_code in (302, 403)


def test_a_subdivision_cannot_be_part_of_its_own_child(client, roles):
    parent = SubdivisionFactory(code="parent")
    child = SubdivisionFactory(code="child", parent=parent)
    client.force_login(UserFactory(roles=["hr_officer"]))

    response = client.post(
        f"{LIST}edit/{parent.pk}/",
        {
            "code": "parent",
            "name_ky": "Ата",
            "name_ru": "Родитель",
            "kind": "division",
            "parent": child.pk,
            "sort_order": 0,
        },
    )

    assert response.status_code == 200
    assert "Бөлүм өзүнүн курамына кире албайт." in response.content.decode()
    parent.refresh_from_db()
    assert parent.parent_id is None
