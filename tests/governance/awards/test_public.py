"""Nothing of the awards is public: the order that confers them, its recipients and grounds stay
out of the public registry, the open-data API and the site's search, even once the order is signed."""

import pytest

from tests.governance.awards.factories import Awards
from tests.governance.orders.factories import People
from tests.governance.staff.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

NAME = "Жашыруун Сыйлыкалуучу"
GROUNDS = "Жашыруун сыйлоо негизи"


def test_a_conferred_award_is_in_no_public_list_nor_the_api(client, roles):
    awards = Awards(People())
    order = awards.confer(awards.propose(EmployeeFactory(full_name_ky=NAME, full_name_ru=NAME), grounds_ky=GROUNDS))
    for url in (
        "/ky/orders/",
        "/ru/orders/",
        "/ky/orders/?q=Жашыруун",
        f"/ky/orders/{order.year}/{order.number}/",
        "/api/v1/orders/",
        f"/api/v1/orders/{order.pk}/",
        "/ky/search/?q=Жашыруун",
    ):
        body = client.get(url, follow=True).content.decode()
        assert NAME not in body and GROUNDS not in body, url
