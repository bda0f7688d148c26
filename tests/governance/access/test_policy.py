import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils import translation

from governance.access import objects, policy
from governance.structure.models import Subdivision
from tests.factories import SubdivisionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal(roles):
    return SubdivisionFactory(code="legal")


@pytest.fixture
def quota(roles):
    return SubdivisionFactory(code="quota")


def test_anonymous_user_is_refused_everything_but_public_rules(legal):
    anonymous = AnonymousUser()

    for action in policy.registered_actions():
        if not policy.is_public(action):
            assert not policy.can(anonymous, action, legal), action
    assert not policy.visible(anonymous, "structure.view_subdivision", Subdivision.objects.all()).exists()


def test_user_without_the_role_is_refused(legal):
    clerk = UserFactory(roles=["records_officer"])

    assert policy.can(clerk, "structure.view_subdivision", legal)
    assert not policy.can(clerk, "structure.change_subdivision", legal)
    with pytest.raises(PermissionDenied):
        policy.require(clerk, "structure.change_subdivision", legal)


def test_user_with_the_role_is_allowed(legal):
    hr = UserFactory(roles=["hr_officer"])

    assert policy.can(hr, "structure.change_subdivision", legal)
    assert policy.can(hr, "structure.add_subdivision")


def test_inactive_user_is_refused_even_with_the_role(legal):
    hr = UserFactory(roles=["hr_officer"], is_active=False)

    assert not policy.can(hr, "structure.change_subdivision", legal)


def test_object_permission_allows_that_object_only(legal, quota):
    head = UserFactory(roles=["head_of_subdivision"])
    objects.grant(head, "structure.change_subdivision", legal)

    assert policy.can(head, "structure.change_subdivision", legal)
    assert not policy.can(head, "structure.change_subdivision", quota)
    assert not policy.can(head, "structure.change_subdivision")
    assert list(policy.visible(head, "structure.change_subdivision", Subdivision.objects.all())) == [legal]

    objects.revoke(head, "structure.change_subdivision", legal)
    assert not policy.can(head, "structure.change_subdivision", legal)


def test_a_right_granted_to_a_group_reaches_its_members(legal, quota):
    head = UserFactory(roles=["head_of_subdivision"])
    objects.grant(objects.group_for_role("head_of_subdivision"), "structure.change_subdivision", quota)

    assert policy.can(head, "structure.change_subdivision", quota)
    assert not policy.can(head, "structure.change_subdivision", legal)


def test_model_permission_lists_every_row(legal, quota):
    hr = UserFactory(roles=["hr_officer"])

    assert set(policy.visible(hr, "structure.change_subdivision", Subdivision.objects.all())) == {legal, quota}


def test_an_unknown_action_is_a_programming_error(legal):
    hr = UserFactory(roles=["hr_officer"])

    with pytest.raises(ImproperlyConfigured):
        policy.can(hr, "structure.sign_subdivision", legal)
    with pytest.raises(ImproperlyConfigured):
        policy.visible(hr, "structure.sign_subdivision", Subdivision.objects.all())


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Сизде муну жасоого укук жок."), ("ru", "У вас нет права на это действие.")],
)
def test_refusal_speaks_the_users_language(legal, language, message):
    clerk = UserFactory(roles=["records_officer"])

    with translation.override(language), pytest.raises(PermissionDenied) as refusal:
        policy.require(clerk, "structure.change_subdivision", legal)
    with translation.override(language):
        assert str(refusal.value) == message


def test_roles_are_read_once_per_user_object_and_reread_when_its_groups_change(roles, django_assert_num_queries):
    from governance.access.objects import group_for_role

    clerk = UserFactory(roles=["records_officer"])
    policy.forget_roles(clerk)

    with django_assert_num_queries(1):
        for _ in range(50):
            assert policy.has_role(clerk, "records_officer")
            assert not policy.has_role(clerk, "chairman")

    # Granting a role through the same object is seen at once; so is taking it away.
    clerk.groups.add(group_for_role("chairman"))
    assert policy.has_role(clerk, "chairman")
    clerk.groups.remove(group_for_role("chairman"))
    assert not policy.has_role(clerk, "chairman")
    # A user object read afresh (the next request) reads the roles again.
    clerk.groups.add(group_for_role("chairman"))
    fresh = type(clerk).objects.get(pk=clerk.pk)
    assert policy.has_role(fresh, "chairman")


def test_the_admin_asks_a_model_level_question_once_per_user_object(legal, django_assert_num_queries):
    """Wagtail asks "may this user change subdivisions at all?" for every menu item and button."""
    from wagtail.permissions import policy_registry

    wagtail_policy = policy_registry.get_by_type(Subdivision)
    clerk = UserFactory(roles=["records_officer"])
    assert not wagtail_policy.user_has_permission(clerk, "change")

    with django_assert_num_queries(0):
        for _ in range(20):
            assert not wagtail_policy.user_has_permission(clerk, "change")

    # A right granted to the same object is seen at once, and so is its withdrawal.
    objects.grant(clerk, "structure.change_subdivision", legal)
    assert wagtail_policy.user_has_permission(clerk, "change")
    objects.revoke(clerk, "structure.change_subdivision", legal)
    assert not wagtail_policy.user_has_permission(clerk, "change")
    # The next request reads its user afresh, and asks again.
    objects.grant(clerk, "structure.change_subdivision", legal)
    assert wagtail_policy.user_has_permission(type(clerk).objects.get(pk=clerk.pk), "change")
