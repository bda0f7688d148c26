"""Relevance of the public search on a fixed bilingual corpus: pages in each language, a published
order, an agreement in force and a published recommendation of the Public Council. For each query
the expected title comes first or among the first three: exact titles, inflected Kyrgyz and Russian
forms and the reverse, Kyrgyz typed on a Russian keyboard, and numbers like "№ 45"."""

import datetime
import html
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance.bodies import services as bodies
from governance.bodies.enums import BodyKind
from governance.bodies.models import Recommendation
from tests.factories import LegalActPageFactory, PublicationPageFactory, StandardPageFactory, UserFactory
from tests.governance.agreements.factories import in_force
from tests.governance.bodies.factories import Collegium
from tests.governance.orders.factories import People, published

pytestmark = pytest.mark.django_db

ORDER_KY = "Ишеним телефонун ачуу жөнүндө"
ORDER_RU = "Об открытии телефона доверия"
AGREEMENT_KY = "Кыргыз Республикасы менен Казакстан Республикасынын ортосундагы эмгек миграциясы жөнүндө макулдашуу"
AGREEMENT_RU = "Соглашение между Кыргызской Республикой и Республикой Казахстан о трудовой миграции"
RECOMMENDATION_KY = "Консулдук кызматтардагы кезектерди кыскартуу жөнүндө"
RECOMMENDATION_RU = "О сокращении очередей в консульских службах"

PAGES_KY = {
    "rights": ("Эмгек мигранттарынын укуктары", "Мигранттын укуктары жана милдеттери жөнүндө түшүндүрмө"),
    "passport": ("Паспорт алуу тартиби", "Документтерди тапшыруу жана мөөнөттөр"),
    "citizenship": ("Жарандык алуу жөнүндө маалымат", "Кыргыз Республикасынын жарандыгын алуунун жолдору"),
    "foreigners": ("Чет элдик жарандарды каттоо", "Келгенден кийин беш күндүн ичинде"),
    "return": ("Мекенге кайтуу программасы", "Кайрылып келген мекендештерге жардам"),
    "fees": ("Төлөмдөр жана мамлекеттик алымдар", "Кызматтардын баасы"),
}
PAGES_RU = {
    "rights": ("Права трудовых мигрантов", "Разъяснение прав и обязанностей мигранта"),
    "passport": ("Порядок получения паспорта", "Подача документов и сроки"),
    "citizenship": ("Сведения о приёме в гражданство", "Пути получения гражданства Кыргызской Республики"),
    "foreigners": ("Регистрация иностранных граждан", "В течение пяти дней после прибытия"),
    "return": ("Программа возвращения на родину", "Помощь вернувшимся соотечественникам"),
    "fees": ("Платежи и государственные пошлины", "Стоимость услуг"),
}
ACT_KY = "Өкмөттүн № 45 токтому"
ACT_RU = "Постановление правительства № 45"


@pytest.fixture
def corpus(tree, roles):
    section_ky, section_ru = tree["publications"]
    acts_ky, acts_ru = tree["acts"]
    for (title, lead), parent in [*((text, section_ky) for text in PAGES_KY.values())]:
        PublicationPageFactory(parent=parent, locale=parent.locale, title=title, lead=lead)
    for title, lead in PAGES_RU.values():
        PublicationPageFactory(parent=section_ru, locale=section_ru.locale, title=title, lead=lead)
    LegalActPageFactory(parent=acts_ky, locale=acts_ky.locale, title=ACT_KY, act_number="45")
    LegalActPageFactory(parent=acts_ru, locale=acts_ru.locale, title=ACT_RU, act_number="45")
    StandardPageFactory(parent=tree["home"][0], locale=acts_ky.locale, title="Кызматтын тарыхы")

    people = People()
    order = published(people, title_ky=ORDER_KY, title_ru=ORDER_RU)
    in_force(
        UserFactory(username="keeper", roles=["international_officer"]), title_ky=AGREEMENT_KY, title_ru=AGREEMENT_RU
    )
    council = Collegium(code="council", kind=BodyKind.PUBLIC_COUNCIL)
    recommendation = bodies.recommendation_save(
        actor=council.secretary,
        recommendation=Recommendation(
            body=council.body,
            adopted_on=timezone.localdate() - datetime.timedelta(days=3),
            subject_ky=RECOMMENDATION_KY,
            subject_ru=RECOMMENDATION_RU,
            text_ky="Консулдук кызматтар кезек күтүүнү кыскартсын.",
            text_ru="Консульским службам сократить ожидание в очереди.",
        ),
    )
    chairman = UserFactory(username="the-chairman", roles=["chairman"])
    recommendation = bodies.recommendation_answer(
        actor=chairman, recommendation=recommendation, response_ky="Кабыл алынды.", response_ru="Принята."
    )
    bodies.recommendation_publish(actor=council.secretary, recommendation=recommendation)
    call_command("update_index", verbosity=0)
    return order


KYRGYZ = [
    ("Эмгек мигранттарынын укуктары", PAGES_KY["rights"][0]),  # the exact title
    ("мигранттар", PAGES_KY["rights"][0]),  # plural of the base
    ("мигранттын укугу", PAGES_KY["rights"][0]),  # genitive and possessive
    ("мигрант", PAGES_KY["rights"][0]),  # the base of an inflected title
    ("паспорт", PAGES_KY["passport"][0]),
    ("паспортту", PAGES_KY["passport"][0]),  # accusative
    ("паспорттун", PAGES_KY["passport"][0]),  # genitive
    ("жарандык", PAGES_KY["citizenship"][0]),
    ("жарандыкты", PAGES_KY["citizenship"][0]),
    ("чет элдик жарандарды", PAGES_KY["foreigners"][0]),
    ("жарандар", PAGES_KY["foreigners"][0]),  # the base form of an inflected word
    ("каттоо", PAGES_KY["foreigners"][0]),
    ("мекенге", PAGES_KY["return"][0]),
    ("мекен", PAGES_KY["return"][0]),
    ("төлөмдөр", PAGES_KY["fees"][0]),
    ("толомдор", PAGES_KY["fees"][0]),  # ө typed as о
    ("толом", PAGES_KY["fees"][0]),  # ө typed as о, base form
    ("мамлекеттик алымдар", PAGES_KY["fees"][0]),
    ("ишеним телефону", ORDER_KY),
    ("телефонун", ORDER_KY),
    (ORDER_KY, ORDER_KY),
    ("макулдашуу", AGREEMENT_KY),
    ("эмгек миграциясы", AGREEMENT_KY),
    ("Казакстандын", AGREEMENT_KY),  # genitive of a name in the title
    ("консулдук кезектер", RECOMMENDATION_KY),
    ("кезектерин", RECOMMENDATION_KY),
    ("№ 45", ACT_KY),
    ("45", ACT_KY),
]
RUSSIAN = [
    ("Права трудовых мигрантов", PAGES_RU["rights"][0]),
    ("мигрант", PAGES_RU["rights"][0]),
    ("мигранты", PAGES_RU["rights"][0]),
    ("права мигранта", PAGES_RU["rights"][0]),
    ("паспорт", PAGES_RU["passport"][0]),
    ("паспорта", PAGES_RU["passport"][0]),
    ("паспортов", PAGES_RU["passport"][0]),
    ("гражданство", PAGES_RU["citizenship"][0]),
    ("о приеме в гражданство", PAGES_RU["citizenship"][0]),  # ё typed as е
    ("регистрация", PAGES_RU["foreigners"][0]),
    ("регистрации граждан", PAGES_RU["foreigners"][0]),
    ("иностранным гражданам", PAGES_RU["foreigners"][0]),
    ("возвращение на родину", PAGES_RU["return"][0]),
    ("родина", PAGES_RU["return"][0]),
    ("государственная пошлина", PAGES_RU["fees"][0]),
    ("платеж", PAGES_RU["fees"][0]),
    ("телефон доверия", ORDER_RU),
    ("телефона", ORDER_RU),
    ("открытие телефона", ORDER_RU),
    (ORDER_RU, ORDER_RU),
    ("соглашение", AGREEMENT_RU),
    ("трудовой миграции", AGREEMENT_RU),
    ("Казахстаном", AGREEMENT_RU),
    ("консульские очереди", RECOMMENDATION_RU),
    ("сокращение очередей", RECOMMENDATION_RU),
    ("№ 45", ACT_RU),
]

_TITLE = re.compile(r'<h2 class="card__title"[^>]*><a [^>]*>(.*?)</a></h2>', re.DOTALL)


def top_titles(client, language: str, query: str) -> list[str]:
    page = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return [html.unescape(re.sub(r"<[^>]+>", "", title)) for title in _TITLE.findall(page)]


@pytest.mark.parametrize(("language", "queries"), [("ky", KYRGYZ), ("ru", RUSSIAN)])
def test_the_expected_record_comes_among_the_first_three(client, corpus, language, queries):
    assert len(queries) >= 20
    missed = {}
    for query, expected in queries:
        titles = top_titles(client, language, query)
        if expected not in titles[:3]:
            missed[query] = titles[:5]

    assert missed == {}


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_an_order_is_found_by_its_number(client, corpus, language):
    title = ORDER_KY if language == "ky" else ORDER_RU

    assert title in top_titles(client, language, f"№ {corpus.number_display}")[:3]


def test_an_exact_title_comes_first_and_the_exact_form_above_another_form(client, corpus):
    assert top_titles(client, "ru", "Порядок получения паспорта")[0] == PAGES_RU["passport"][0]
    assert top_titles(client, "ky", "Паспорт алуу тартиби")[0] == PAGES_KY["passport"][0]
    # "жарандык" is a word of the citizenship page's title as typed; the foreigners' page has only
    # "жарандарды", another word, and the citizenship page's lead another form of it
    assert top_titles(client, "ky", "жарандык")[0] == PAGES_KY["citizenship"][0]
