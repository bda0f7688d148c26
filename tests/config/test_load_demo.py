"""What ``load_demo`` gives a newcomer, module by module.

The demo is loaded once for this module (``demo``) and rolled back after it: each test runs in its
own savepoint inside, so a test that changes something leaves the demo as it found it. Loading the
demo is the costliest set-up of the suite; the tests that read it live here for that reason.
"""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from docx import Document
from wagtail.models import Page, Site

from cms.models import EventPage, HomePage, LegalActPage, PublicationPage
from governance.access import policy
from governance.agency.models import AgencySettings
from governance.structure.models import Subdivision

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo")
        yield
        transaction.set_rollback(True)


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


# The site and its people


def test_load_demo_a_second_time_adds_nothing():
    first = row_counts()
    call_command("load_demo")

    assert row_counts() == first


def test_load_demo_builds_a_bilingual_site_for_the_agency(client):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert {p.locale.language_code for p in Page.objects.filter(translation_key=home.translation_key)} == {"ky", "ru"}
    assert AgencySettings.for_site(site).full_name_ru.startswith("Государственная служба миграции")
    assert Subdivision.objects.count() >= 5
    ky = client.get("/ky/").content.decode()
    ru = client.get("/ru/").content.decode()
    assert "Мамлекеттик миграция кызматы" in ky
    assert "Государственная служба миграции" in ru


def test_load_demo_gives_every_role_a_user_who_can_log_in(client):
    users = get_user_model().objects.exclude(username="admin")
    assert sorted(u.username for u in users) == sorted(users.values_list("groups__role__code", flat=True))
    # (the request lets the login protection count attempts by address)
    assert client.login(request=HttpRequest(), username="chairman", password="kyzmat-demo")
    head = users.get(username="head_of_subdivision")
    assert policy.can(head, "structure.change_subdivision", Subdivision.objects.get(code="legal"))
    assert not policy.can(head, "structure.change_subdivision", Subdivision.objects.get(code="hr"))


# The public site (cms)


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_demo_has_every_kind_of_content_in_both_languages(language):
    publications = PublicationPage.objects.live().filter(locale__language_code=language)
    kinds = list(publications.values_list("kind", flat=True))

    assert kinds.count("bulletin") >= 2
    assert kinds.count("news") >= 2
    assert kinds.count("legal_propaganda") >= 2
    events = EventPage.objects.live().filter(locale__language_code=language)
    assert events.upcoming().exists() and events.past().exists()
    act = LegalActPage.objects.live().get(locale__language_code=language)
    assert len(act.table_of_contents()) >= 3


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_demo_page_renders(client, language):
    pages = Page.objects.live().filter(locale__language_code=language, depth__gte=2).specific()
    assert pages.count() >= 15
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{language}">' in response.content.decode()


def test_demo_agency_has_an_emblem_shown_as_renditions(client):
    assert AgencySettings.for_site(Site.objects.get(is_default_site=True)).emblem is not None
    html = client.get("/ky/").content.decode()
    assert 'class="brand__emblem"' in html and ".height-64." in html
    assert 'class="hero__emblem"' in html
    assert '<meta property="og:image"' in html


# Orders


def test_load_demo_adds_orders_in_every_state_and_publishes_some(client):
    from governance.orders.enums import OrderStatus
    from governance.orders.models import Order

    assert set(Order.objects.values_list("status", flat=True)) == set(OrderStatus.values)
    assert Order.objects.filter(signed_as_acting=True).exists()
    assert Order.objects.filter(amends__isnull=False).exists()
    published = Order.objects.public().first()
    registry = client.get("/ru/orders/").content.decode()
    assert published.title_ru in registry
    docx = client.get(f"/ky/orders/{published.year}/{published.number_display}/docx/")
    assert docx.status_code == 200
    text = [p.text for p in Document(io.BytesIO(b"".join(docx.streaming_content))).paragraphs]
    assert published.title_ky in text and published.title_ru in text


def test_every_demo_order_shows_in_the_admin_and_every_public_one_on_the_site(client):
    from governance.orders.enums import OrderStatus
    from governance.orders.models import Order

    client.force_login(get_user_model().objects.get(username="admin"))

    for order in Order.objects.all():
        page = client.get(f"/admin/snippets/orders/order/inspect/{order.pk}/")
        assert page.status_code == 200, order
        assert order.title_ru in page.content.decode()
    for order in Order.objects.public():
        assert client.get(f"/ru/orders/{order.year}/{order.number_display}/").status_code == 200, order
    suspended = Order.objects.get(status=OrderStatus.SUSPENDED)
    assert (
        suspended.actions_received.get().reason_ky
        in client.get(f"/ky/orders/{suspended.year}/{suspended.number_display}/").content.decode()
    )
    assert client.get("/admin/").status_code == 200


def test_the_demo_annexes_are_digested_and_the_personnel_one_stays_private(client):
    from governance.orders.models import OrderAttachment

    annexes = OrderAttachment.objects.select_related("order")
    assert annexes.count() == 2 and all(len(annex.sha256) == 64 for annex in annexes)
    public = annexes.get(order__confidentiality="public")
    personnel = annexes.get(order__confidentiality="personnel")
    assert (
        client.get(f"/ru/orders/{public.order.year}/{public.order.number_display}/annexes/{public.pk}/").status_code
        == 200
    )
    assert (
        client.get(
            f"/ru/orders/{personnel.order.year}/{personnel.order.number_display}/annexes/{personnel.pk}/"
        ).status_code
        == 404
    )


# Bodies, awards, grants and agreements


def test_the_demo_has_a_valid_collegium_a_held_meeting_with_signed_minutes_and_an_open_agenda():
    from documents.instructions.models import Instruction
    from governance.bodies import selectors
    from governance.bodies.models import Body, Decision, Minutes

    collegium = Body.objects.get(code="collegium")
    assert selectors.composition_problems(collegium) == []
    assert set(Body.objects.values_list("kind", flat=True)) == {"collegium", "public_council", "working_group"}
    held, upcoming = collegium.meetings.order_by("starts_at")
    assert Minutes.objects.get(meeting=held).status == "signed"
    assert list(Decision.objects.values_list("number", flat=True)) == [1, 2]
    assert Instruction.objects.filter(title__startswith="№ 1").exists()
    first = upcoming.items.order_by("position").first()
    assert first.approves_minutes_of == held and upcoming.status == "planned"


def test_the_demo_has_kinds_conferred_awards_and_open_nominations():
    from governance.awards import docx
    from governance.awards.models import Award, AwardKind, Nomination

    assert set(AwardKind.objects.values_list("level", flat=True)) == {"agency", "state"}
    awards = list(Award.objects.select_related("order", "kind", "nomination"))
    assert len(awards) == 3 and all(a.order.series.code == "awards" and a.order.status == "signed" for a in awards)
    assert {"proposed", "approved", "submitted"} <= set(Nomination.objects.values_list("status", flat=True))
    russian = next(a for a in awards if a.language == "ru")
    texts = [p.text for p in Document(io.BytesIO(docx.render_certificate(russian))).paragraphs]
    assert "БЛАГОДАРСТВЕННОЕ ПИСЬМО СЛУЖБЫ" in texts and russian.name_ru in texts


def test_the_demo_has_two_grants_and_agreements_at_several_stages_one_nearing_its_notice_deadline():
    from documents.instructions.models import Instruction
    from governance.agreements.enums import Stage
    from governance.agreements.models import Agreement
    from governance.grants import selectors
    from governance.grants.models import Grant, GrantReport

    grants = list(Grant.objects.order_by("pk"))
    assert [grant.currency for grant in grants] == ["USD", "EUR"]
    for grant in grants:
        assert selectors.balance(grant) > 0 and grant.expenditures.exists()
    assert GrantReport.objects.filter(submitted_on__isnull=True).count() == 2
    assert {agreement.stage for agreement in Agreement.objects.all()} >= {
        Stage.NEGOTIATIONS,
        Stage.RATIFICATION,
        Stage.IN_FORCE,
        Stage.TERMINATED,
    }
    assert Agreement.objects.published().count() == 2
    today = timezone.localdate()
    nearing = [
        a for a in Agreement.objects.published() if a.notice_deadline() and (a.notice_deadline() - today).days < 30
    ]
    assert len(nearing) == 1
    assert Instruction.objects.for_subject(nearing[0]).filter(deadline__lte=nearing[0].notice_deadline()).exists()


# Records: appeals, correspondence, archive


def test_demo_appeals_have_one_left_unconsidered_and_one_answered_point_by_point():
    from documents.appeals.models import Appeal
    from documents.correspondence.models import Correspondence

    left = Appeal.objects.get(status="unconsidered")
    assert left.anonymous and left.unconsidered_reason
    answer = Correspondence.objects.get(appeal__isnull=False)
    assert answer.status == "registered" and answer.approved_by.username == "chairman"
    assert answer.answer_points.filter(answered=True).count() == answer.appeal.points.count() == 2
    assert answer.appeal.status == "answered"


def test_the_demo_has_a_nomenclature_with_retention_and_files_its_appeals_and_signed_orders():
    from documents.appeals.models import Appeal
    from documents.archive.models import CaseFile, FiledRecord, FileHeading
    from governance.orders.models import Order

    headings = FileHeading.objects.all()
    assert headings.filter(permanent=True).exists() and headings.filter(retention_years__gte=1).exists()
    assert all(heading.authority for heading in headings)
    filed = set(FiledRecord.objects.values_list("app_label", "model", "object_pk"))
    assert {("appeals", "appeal", str(pk)) for pk in Appeal.objects.values_list("pk", flat=True)} <= filed
    orders = {int(pk) for app, _model, pk in filed if app == "orders"}
    assert orders and not Order.objects.filter(pk__in=orders, signed_on__isnull=True).exists()  # signed ones only
    assert FiledRecord.objects.filter(app_label="orders").exclude(sha256="").exists()
    due = CaseFile.objects.due_on(timezone.localdate())
    assert [case.year for case in due] == [2019]  # the 2020 correspondence is held
    assert CaseFile.objects.get(year=2020).holds.exists()
