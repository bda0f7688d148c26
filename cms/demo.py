"""The public site's skeleton: a home page in Kyrgyz and its Russian translation."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage

HOME = {
    "ky": {
        "title": "Мамлекеттик миграция кызматы",
        "summary": "Кызматтын расмий сайты: жаңылыктар, бюллетендер, буйруктар жана укуктук маалымат.",
        "intro": (
            "<p>Бул сайтта Кызматтын иши тууралуу маалыматтарды, жарандар үчүн түшүндүрмөлөрдү "
            "жана расмий документтерди кыргыз жана орус тилдеринде окуй аласыз.</p>"
        ),
    },
    "ru": {
        "title": "Государственная служба миграции",
        "summary": "Официальный сайт Службы: новости, бюллетени, приказы и правовая информация.",
        "intro": (
            "<p>На этом сайте можно прочитать сведения о работе Службы, разъяснения для граждан "
            "и официальные документы на кыргызском и русском языках.</p>"
        ),
    },
}


def _publish(page: Page) -> None:
    page.save_revision().publish()


@transaction.atomic
def load() -> Site:
    ky, _ = Locale.objects.get_or_create(language_code="ky")
    ru, _ = Locale.objects.get_or_create(language_code="ru")
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=ky).first()
    if home is None:
        home = HomePage(locale=ky, slug="kyzmat", **HOME["ky"])
        root.add_child(instance=home)
        _publish(home)

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "kyzmat", home
    site.save()
    # Wagtail's own welcome page is not part of the site any more.
    for page in root.get_children().exclude(pk=home.pk).filter(content_type__model="page"):
        page.delete()

    if home.get_translation_or_none(ru) is None:
        translation = home.copy_for_translation(ru)
        for field, value in HOME["ru"].items():
            setattr(translation, field, value)
        translation.save()
        _publish(translation)
    return site
