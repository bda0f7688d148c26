"""Editors can open the add and edit forms of every page type in the admin."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD = [
    ("home", "publicationindexpage"),
    ("home", "eventindexpage"),
    ("home", "legalactindexpage"),
    ("home", "standardpage"),
    ("publications", "publicationpage"),
    ("events", "eventpage"),
    ("acts", "legalactpage"),
]


@pytest.fixture
def editor(client, roles):
    user = UserFactory(username="editor", roles=["editor"])
    client.force_login(user)
    return user


@pytest.mark.parametrize(("parent", "model"), ADD)
def test_editor_opens_the_add_form(client, tree, editor, parent, model):
    parent_ky, _ = tree[parent]

    response = client.get(reverse("wagtailadmin_pages:add", args=["cms", model, parent_ky.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("key", ["publications", "bulletin", "events", "event", "acts", "act", "about", "contacts"])
def test_editor_opens_the_edit_form_in_both_languages(client, tree, editor, key):
    for page in tree[key]:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
