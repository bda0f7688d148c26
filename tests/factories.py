import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from cms.models import HomePage
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
