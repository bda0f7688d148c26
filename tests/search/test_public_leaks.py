"""What the public must never find: a draft or an internal or personnel order, a page not published,
an agreement still in negotiations, a recommendation not published, a meeting's agenda and
materials, an appeal. Each carries the word the public searches for, in the results, the filters,
the suggestions and the no-results page alike; and the counts agree with what is shown."""

import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags

from governance.bodies import services as bodies
from governance.bodies.enums import BodyKind
from governance.bodies.models import Recommendation
from governance.orders import services as orders
from governance.orders.enums import Confidentiality
from tests.documents.appeals.factories import appeal
from tests.factories import PublicationPageFactory, UserFactory
from tests.governance.agreements.factories import agreement, in_force
from tests.governance.bodies.factories import Collegium
from tests.governance.orders.factories import People, SeriesFactory, draft, personnel_series, published, signed
from tests.security.world import approved_draft

pytestmark = pytest.mark.django_db

WORD = "Зумбалак"
PUBLIC = [f"{WORD} ачык буйрук", f"{WORD} ачык барак", f"{WORD} ачык келишим", f"{WORD} ачык сунуш"]
SECRETS = [
    f"{WORD} долбоор буйрук",
    f"{WORD} ички буйрук",
    f"{WORD} кадр буйругу",
    f"{WORD} жарыялана элек барак",
    f"{WORD} сүйлөшүүдөгү келишим",
    f"{WORD} жарыялана элек сунуш",
    f"{WORD} жабык маселе",
    f"{WORD} материалы",
    f"{WORD} арыз ээси",
]


@pytest.fixture
def world(tree, roles):
    cache.clear()  # the suggestions' titles of another test
    section_ky, _ = tree["publications"]
    PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title=PUBLIC[1])
    PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title=SECRETS[3], live=False)

    people = People()
    both = lambda title: {"title_ky": title, "title_ru": title}  # noqa: E731
    published(people, **both(PUBLIC[0]))
    draft(people, **both(SECRETS[0]))
    internal = SeriesFactory(
        code="internal", name_ky="Ички", name_ru="Внутренние", confidentiality=Confidentiality.INTERNAL
    )
    signed(people, series=internal, **both(SECRETS[1]))
    personnel = draft(people, series=personnel_series(), approvers=[people.hr], **both(SECRETS[2]))
    orders.order_sign(order=approved_draft(people, personnel), actor=people.chairman)

    keeper = UserFactory(username="keeper", roles=["international_officer"])
    in_force(keeper, **both(PUBLIC[2]))
    agreement(keeper, **both(SECRETS[4]))

    council = Collegium(code="council", kind=BodyKind.PUBLIC_COUNCIL)
    chairman = UserFactory(username="the-chairman", roles=["chairman"])

    def recommend(subject):
        return bodies.recommendation_save(
            actor=council.secretary,
            recommendation=Recommendation(
                body=council.body,
                adopted_on=timezone.localdate(),
                subject_ky=subject,
                subject_ru=subject,
                text_ky=WORD,
                text_ru=WORD,
            ),
        )

    shown = bodies.recommendation_answer(
        actor=chairman, recommendation=recommend(PUBLIC[3]), response_ky=WORD, response_ru=WORD
    )
    bodies.recommendation_publish(actor=council.secretary, recommendation=shown)
    bodies.recommendation_answer(
        actor=chairman, recommendation=recommend(SECRETS[5]), response_ky=WORD, response_ru=WORD
    )

    collegium = Collegium()
    meeting = bodies.meeting_schedule(
        actor=collegium.secretary,
        body=collegium.body,
        starts_at=timezone.now(),
        place=WORD,
        items=[(SECRETS[6], SECRETS[6], None)],
    )
    bodies.material_add(
        actor=collegium.secretary,
        item=meeting.items.get(),
        title=SECRETS[7],
        file=ContentFile(b"%PDF-1.4", name="m.pdf"),
    )
    appeal(name=SECRETS[8], text=f"{WORD} {WORD}")
    call_command("update_index", verbosity=0)


def _assert_no_secret(text):
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_public_finds_only_what_was_published(client, world, language):
    page = strip_tags(client.get(f"/{language}/search/", {"q": WORD}).content.decode())

    _assert_no_secret(page)
    for title in PUBLIC if language == "ky" else [PUBLIC[0], *PUBLIC[2:]]:  # the page is Kyrgyz only
        assert title in page


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("extra", [{"kind": "order"}, {"kind": "page"}, {"year": "2024"}, {"page": "2"}])
def test_no_filter_or_page_shows_a_secret(client, world, language, extra):
    _assert_no_secret(strip_tags(client.get(f"/{language}/search/", {"q": WORD, **extra}).content.decode()))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_suggestions_and_the_no_results_page_show_no_secret(client, world, language):
    suggestions = client.get(f"/{language}/search/suggest/", {"q": WORD[:4]}).json()["suggestions"]
    nothing = strip_tags(client.get(f"/{language}/search/", {"q": f"{WORD}ккк"}).content.decode())

    assert {item["title"] for item in suggestions} == set(PUBLIC if language == "ky" else PUBLIC[:1] + PUBLIC[2:])
    _assert_no_secret(nothing)
    _assert_no_secret(str(suggestions))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_logged_in_officer_finds_no_more_in_the_public_search(client, world, language):
    client.force_login(UserFactory(username="officer", roles=["records_officer", "hr_officer"]))

    page = strip_tags(client.get(f"/{language}/search/", {"q": WORD}).content.decode())

    _assert_no_secret(page)


def _counts(html, css):
    block = html.split(f'class="{css}"', 1)[1].split("</ul>", 1)[0]
    return [int(number) for number in re.findall(r"\((\d+)\)", strip_tags(block))]


def test_the_filters_count_what_is_shown(client, world):
    html = client.get("/ky/search/", {"q": WORD}).content.decode()
    shown = html.count('class="card"')

    assert shown == len(PUBLIC)
    assert sum(_counts(html, "search-facets__kinds")) == shown
    assert sum(_counts(html, "search-facets__years")) == shown
    for kind, count in [("order", 1), ("agreement", 1), ("recommendation", 1), ("publication", 1)]:
        filtered = client.get("/ky/search/", {"q": WORD, "kind": kind}).content.decode()
        assert filtered.count('class="card"') == count
