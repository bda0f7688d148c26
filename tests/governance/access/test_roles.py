import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from governance.access.roles import ROLES

pytestmark = pytest.mark.django_db


def snapshot():
    """Every group with its model, page and collection permissions, as comparable data."""
    return {
        group.name: (
            sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()),
            sorted((gp.page_id, gp.permission.codename) for gp in GroupPagePermission.objects.filter(group=group)),
            sorted(
                (gc.collection_id, gc.permission.codename)
                for gc in GroupCollectionPermission.objects.filter(group=group)
            ),
        )
        for group in Group.objects.order_by("name")
    }


def test_setup_roles_twice_gives_the_same_groups_and_permissions():
    call_command("setup_roles")
    first = snapshot()
    call_command("setup_roles")

    assert snapshot() == first
    assert len(first) == len(ROLES)
    assert Group.objects.count() == len(ROLES)


def test_every_role_has_a_group_with_exactly_the_table_permissions():
    call_command("setup_roles")

    for spec in ROLES:
        group = Group.objects.get(role__code=spec.code)
        names = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert names == set(spec.permissions), spec.code
        assert set(
            GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True)
        ) == set(spec.page_permissions)


def test_setup_roles_repairs_hand_made_changes():
    call_command("setup_roles")
    expected = snapshot()
    chairman = Group.objects.get(role__code="chairman")
    chairman.name = "renamed by hand"
    chairman.save()
    chairman.permissions.add(Permission.objects.get(codename="delete_subdivision"))
    editor = Group.objects.get(role__code="editor")
    GroupPagePermission.objects.filter(group=editor).delete()

    call_command("setup_roles")

    assert snapshot() == expected


def test_editor_cannot_publish_pages_but_moderator_can():
    call_command("setup_roles")

    editor = set(
        GroupPagePermission.objects.filter(group__role__code="editor").values_list("permission__codename", flat=True)
    )
    moderator = set(
        GroupPagePermission.objects.filter(group__role__code="moderator").values_list("permission__codename", flat=True)
    )
    assert "publish_page" not in editor
    assert "publish_page" in moderator


def test_wagtails_approval_workflow_points_at_the_moderator_role():
    call_command("setup_roles")

    task = GroupApprovalTask.objects.get(name="Модераторлордун бекитүүсү / Утверждение модераторами")
    assert list(task.groups.all()) == [Group.objects.get(role__code="moderator")]
