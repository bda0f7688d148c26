import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.enums import EventKind, PublicationKind
from cms.models import (
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LegalActIndexPage,
    LegalActPage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from governance.access.objects import group_for_role
from governance.structure.enums import SubdivisionKind
from governance.structure.models import Subdivision


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@kyzmat.example")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for code in extracted or ():
            self.groups.add(group_for_role(code))


class SubdivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subdivision

    code = factory.Sequence(lambda n: f"subdivision-{n}")
    name_ky = factory.Sequence(lambda n: f"Бөлүм {n}")
    name_ru = factory.Sequence(lambda n: f"Отдел {n}")
    kind = SubdivisionKind.DIVISION


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Башкы бет"
    summary = "Кызматтын сайты"
    intro = "<p>Кош келиңиз</p>"


def make_home_pages(site) -> tuple[HomePage, HomePage]:
    """A Kyrgyz home page as the site's root and its published Russian translation."""
    ky = Locale.objects.get(language_code="ky")
    ru = Locale.objects.get(language_code="ru")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=ky, slug="home-ky")
    site.root_page = home
    site.save()
    translation = home.copy_for_translation(ru)
    translation.title = "Главная"
    translation.intro = "<p>Добро пожаловать</p>"
    translation.save_revision().publish()
    return home, HomePage.objects.get(pk=translation.pk)


def body(*paragraphs: str) -> list[dict]:
    """StreamField data for a body of plain paragraphs."""
    return [{"type": "text", "value": {"text": "".join(f"<p>{p}</p>" for p in paragraphs)}}]


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Басылмалар"
    slug = factory.Sequence(lambda n: f"basylmalar-{n}")
    show_in_menus = True


class PublicationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationPage

    title = factory.Sequence(lambda n: f"Жаңылык {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    kind = PublicationKind.NEWS
    date = datetime.date(2026, 3, 1)
    lead = "Кыскача мазмуну"
    body = factory.LazyFunction(lambda: body("Негизги текст"))


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Иш-чаралар"
    slug = factory.Sequence(lambda n: f"ish-charalar-{n}")
    show_in_menus = True


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Семинар {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.SEMINAR
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    place = "Бишкек"
    organiser = "Кызмат"


class LegalActIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalActIndexPage

    title = "Укуктук актылар"
    slug = factory.Sequence(lambda n: f"aktylar-{n}")
    show_in_menus = True


class LegalActPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalActPage

    title = "Кабыл алуу тартиби"
    slug = factory.Sequence(lambda n: f"act-{n}")
    act_kind = "Тартип"
    approved_by = "Төраганын буйругу"
    act_number = "15"
    act_date = datetime.date(2025, 2, 10)
    body = factory.LazyFunction(
        lambda: [
            {
                "type": "chapter",
                "value": {
                    "number": "1",
                    "title": "Жалпы жоболор",
                    "points": [
                        {"number": "1", "text": "<p>Биринчи пункт.</p>", "sub_points": []},
                        {
                            "number": "2",
                            "text": "<p>Экинчи пункт:</p>",
                            "sub_points": [{"number": "1", "text": "<p>пунктча.</p>"}],
                        },
                    ],
                },
            },
            {
                "type": "chapter",
                "value": {
                    "number": "2",
                    "title": "Корутунду жоболор",
                    "points": [{"number": "3", "text": "<p>Үчүнчү пункт.</p>", "sub_points": []}],
                },
            },
        ]
    )
    amendments = factory.LazyFunction(
        lambda: [
            {
                "type": "amendment",
                "value": {"title": "Төраганын буйругу", "number": "42", "date": "2025-09-01", "page": None, "url": ""},
            }
        ]
    )


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Кызмат жөнүндө"
    slug = factory.Sequence(lambda n: f"about-{n}")
    show_in_menus = True
    body = factory.LazyFunction(lambda: body("Кызмат тууралуу"))


class ContactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContactPage

    title = "Байланыш"
    slug = factory.Sequence(lambda n: f"contacts-{n}")
    show_in_menus = True


def translate(page: Page, **fields) -> Page:
    """The published Russian translation of ``page`` (its parent must be translated already)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code="ru"))
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)
