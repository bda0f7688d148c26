"""Wagtail's own admin views around our models ask the policy (issue 8, findings 1, 4, 5, 8, 12, 13)."""

import pytest

from governance.access.objects import grant
from governance.access.wagtail import governed_models
from governance.structure.models import Subdivision
from tests.factories import SubdivisionFactory, UserFactory
from tests.governance.orders.factories import People, delegation, draft, personnel_series, signed
from tests.security.reading import text

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/snippets/choose/orders/order/"
ORDERS = "/admin/snippets/orders/order/"
PERSONNEL_TITLE = "Асанов А. кызматка дайындоо жөнүндө"


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def personnel(people):
    """A personnel order the HR officer approves: the records officer and the editor may not read it."""
    return draft(people, series=personnel_series(), title_ky=PERSONNEL_TITLE, approvers=[people.hr])


@pytest.fixture
def public_draft(people):
    return draft(people, title_ky="Ачык долбоор жөнүндө")


# Finding 1: the chooser lists, searches and returns only what the policy lets the user read.


@pytest.mark.parametrize("who", ["records", "outsider", "lawyer"])
def test_the_order_chooser_never_lists_or_returns_a_personnel_order_to_who_may_not_read_it(
    client, people, personnel, who
):
    client.force_login(getattr(people, who))

    for url, params in [
        (CHOOSER, {}),
        (f"{CHOOSER}results/", {}),
        (f"{CHOOSER}results/", {"q": "дайындоо"}),
        (f"{CHOOSER}chosen-multiple/", {"id": [personnel.pk]}),
    ]:
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert PERSONNEL_TITLE not in text(response), url
    assert client.get(f"{CHOOSER}chosen/{personnel.pk}/", follow=True).status_code == 404


def test_the_order_chooser_lists_and_searches_what_the_user_may_read(client, people, personnel, public_draft):
    client.force_login(people.records)
    content = text(client.get(f"{CHOOSER}results/", {"q": "долбоор"}))
    assert public_draft.title_ky in content
    assert client.get(f"{CHOOSER}chosen/{public_draft.pk}/").status_code == 200

    client.force_login(people.hr)
    assert PERSONNEL_TITLE in text(client.get(f"{CHOOSER}results/", {"q": "дайындоо"}))
    assert PERSONNEL_TITLE in text(client.get(f"{CHOOSER}chosen/{personnel.pk}/"))


def test_the_delegation_chooser_is_empty_for_who_may_not_read_delegations(client, people):
    label = str(delegation(people))
    chooser = "/admin/snippets/choose/staff/delegation/"

    client.force_login(people.records)
    assert label not in text(client.get(chooser))
    assert client.get(f"{chooser}chosen/1/", follow=True).status_code == 404

    client.force_login(people.chairman)
    assert label in text(client.get(chooser))


@pytest.mark.parametrize("key", ["abc", "1.5", "%00", "9" * 30])
def test_a_chooser_answers_a_malformed_key_with_not_found(client, people, key):
    client.force_login(people.chairman)
    for chooser in (CHOOSER, "/admin/snippets/choose/staff/delegation/"):
        assert client.get(f"{chooser}chosen/{key}/", follow=True).status_code == 404, chooser


# Finding 13: creating through the chooser is refused cleanly, never a 500, and creates nothing.


@pytest.mark.parametrize("who", ["drafter", "records"])
def test_creating_through_the_order_chooser_is_refused_and_creates_nothing(client, people, who):
    from governance.orders.models import Order

    client.force_login(getattr(people, who))
    before = Order.objects.count()

    response = client.post(f"{CHOOSER}create/", {"title_ky": "x", "title_ru": "x"})

    assert response.status_code in (302, 403)
    assert Order.objects.count() == before


# Finding 5: usage, history and inspect refuse a record the user may not read.


@pytest.mark.parametrize("view", ["usage", "history", "inspect"])
def test_a_drafter_reads_no_usage_history_or_inspect_page_of_an_order_he_may_not_read(client, people, personnel, view):
    client.force_login(people.lawyer)  # a head of subdivision: drafts orders, reads public ones

    response = client.get(f"{ORDERS}{view}/{personnel.pk}/")

    assert response.status_code in (302, 403)
    assert PERSONNEL_TITLE not in text(response)


@pytest.mark.parametrize("view", ["usage", "history", "inspect"])
def test_who_may_read_an_order_reads_its_usage_history_and_inspect_page(client, people, personnel, view):
    client.force_login(people.hr)

    response = client.get(f"{ORDERS}{view}/{personnel.pk}/")

    assert response.status_code == 200
    assert PERSONNEL_TITLE in text(response)


def test_the_usage_page_does_not_name_a_referencing_order_the_user_may_not_read(client, people, roles):
    people_ = people
    target = signed(people_, title_ky="Түзөтүлүүчү буйрук")
    draft(people_, series=personnel_series(), title_ky=PERSONNEL_TITLE, approvers=[people_.hr], amends=[target])
    client.force_login(people_.records)

    response = client.get(f"{ORDERS}usage/{target.pk}/")

    assert response.status_code == 200
    assert PERSONNEL_TITLE not in text(response)


# Finding 4: the site history shows a record's entries only to who may read the record.


@pytest.mark.parametrize("who", ["records", "lawyer", "outsider"])
def test_the_site_history_hides_entries_of_orders_the_user_may_not_read(client, people, personnel, public_draft, who):
    client.force_login(getattr(people, who))

    content = text(client.get("/admin/reports/site-history/"))

    assert PERSONNEL_TITLE not in content
    if who != "outsider":
        assert public_draft.title_ky in content


def test_the_site_history_shows_personnel_entries_to_who_may_read_them(client, people, personnel):
    client.force_login(people.hr)

    assert PERSONNEL_TITLE in text(client.get("/admin/reports/site-history/"))


def test_every_governed_model_logs_through_the_policy():
    from wagtail.log_actions import registry

    assert {registry.get_log_model_for_model(model)._meta.label for model in governed_models} == {
        "access.PolicyLogEntry"
    }


# Finding 8: the order list's search works for everyone, on SQLite and PostgreSQL.


@pytest.mark.parametrize("who", ["secretary", "records", "drafter", "lawyer", "hr"])
def test_the_order_list_search_answers_every_reader(client, people, personnel, public_draft, who):
    client.force_login(getattr(people, who))

    response = client.get(ORDERS, {"q": "долбоор"})

    assert response.status_code == 200
    content = text(response)
    assert PERSONNEL_TITLE not in content
    assert public_draft.title_ky in content
    searched = text(client.get(ORDERS, {"q": "дайындоо"}))
    assert (PERSONNEL_TITLE in searched) == (who in ("secretary", "hr", "drafter"))  # the drafter drafted it


# Finding 12: a right on one subdivision opens the admin for that subdivision, and only for it.


def test_a_head_edits_the_subdivision_he_holds_a_right_on_and_no_other(client, roles):
    legal = SubdivisionFactory(code="legal", name_ru="Юридический отдел")
    finance = SubdivisionFactory(code="finance", name_ru="Финансовый отдел")
    head = UserFactory(roles=["head_of_subdivision"])
    grant(head, "structure.change_subdivision", legal)
    client.force_login(head)
    edit = "/admin/snippets/structure/subdivision/edit/{}/"
    data = {"code": "legal", "name_ky": "Укук бөлүмү", "name_ru": "Правовой отдел", "kind": "division"}

    assert client.get(edit.format(legal.pk)).status_code == 200
    response = client.post(edit.format(legal.pk), {**data, "sort_order": 0, "is_active": "on"})
    assert response.status_code == 302, text(response)[:2000]
    assert Subdivision.objects.get(pk=legal.pk).name_ru == "Правовой отдел"

    assert client.get(edit.format(finance.pk)).status_code in (302, 403)
    client.post(edit.format(finance.pk), {**data, "code": "finance", "sort_order": 0})
    assert Subdivision.objects.get(pk=finance.pk).name_ru == "Финансовый отдел"
    assert client.get("/admin/snippets/structure/subdivision/add/").status_code in (302, 403)


def test_a_right_on_one_subdivision_reaches_the_list_without_a_model_right(client, roles):
    legal = SubdivisionFactory(code="legal", name_ru="Юридический отдел")
    SubdivisionFactory(code="finance", name_ru="Финансовый отдел")
    member = UserFactory(roles=["collegium_member"])  # no right on the structure at all
    grant(member, "structure.change_subdivision", legal)
    client.force_login(member)

    response = client.get("/admin/snippets/structure/subdivision/")

    assert response.status_code == 200
    content = text(response)
    assert "Юридический отдел" in content or legal.name_ky in content
    assert "Финансовый отдел" not in content


# The public site's media: the admin API lists documents and images only to who edits the site.


def test_the_admin_media_api_lists_documents_and_images_only_to_the_site_editors(client, people):
    import wagtail_factories
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    document = wagtail_factories.DocumentFactory(title="Сайттын документи", collection=root)
    image = wagtail_factories.ImageFactory(title="Сайттын сүрөтү", collection=root)
    editor = UserFactory(roles=["editor"])

    for user, sees in ((people.records, False), (people.chairman, False), (editor, True)):
        client.force_login(user)
        documents = text(client.get("/admin/api/main/documents/"))
        images = text(client.get("/admin/api/main/images/"))
        assert (document.title in documents) is sees
        assert (image.title in images) is sees
        detail = client.get(f"/admin/api/main/documents/{document.pk}/", follow=True)
        assert detail.status_code == (200 if sees else 404)
