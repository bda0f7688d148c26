"""The public site in both languages: the home page, its sections, a few publications, events and
one legal act. Pages that exist already are left as they are."""

from datetime import timedelta
from io import BytesIO
from math import cos, pi, sin

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms import demo_content as content
from cms import models
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
    load_pages(home, ru)
    load_emblem(site)
    return site


EMBLEM_TITLE = "Кызматтын эмблемасы / Эмблема Службы"


def _emblem_png() -> bytes:
    """A plain emblem drawn for the demo: a red disc with a white sun and a ring."""
    from PIL import Image, ImageDraw

    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=(138, 28, 28, 255))
    draw.ellipse((24, 24, size - 24, size - 24), outline=(255, 255, 255, 255), width=6)
    centre = size // 2
    for step in range(40):
        angle = 2 * pi * step / 40
        inner, outer = 38, 92
        draw.line(
            (
                centre + inner * cos(angle),
                centre + inner * sin(angle),
                centre + outer * cos(angle),
                centre + outer * sin(angle),
            ),
            fill=(255, 215, 0, 255),
            width=3,
        )
    draw.ellipse((centre - 36, centre - 36, centre + 36, centre + 36), fill=(255, 215, 0, 255))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def load_emblem(site: Site) -> None:
    """Give the agency a demo emblem unless it has one (the header, home page and social cards show it)."""
    from governance.agency.models import AgencySettings

    agency = AgencySettings.for_site(site)
    if agency.emblem_id:
        return
    Image = get_image_model()
    emblem = Image.objects.filter(title=EMBLEM_TITLE).first()
    if emblem is None:
        emblem = Image(title=EMBLEM_TITLE)
        emblem.file = ImageFile(BytesIO(_emblem_png()), name="emblem.png")
        emblem.save()
    agency.emblem = emblem
    agency.save()


def _translated(page: Page, ru: Locale, fields: dict, tags: list[str] | None = None) -> Page:
    """The Russian version of ``page``, created from it and published, unless it exists."""
    existing = page.get_translation_or_none(ru)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(ru)
    for field, value in fields.items():
        setattr(translation, field, value)
    if tags is not None:
        translation.tags.clear()
        translation.tags.add(*tags)
    translation.save()
    _publish(translation)
    return translation


def _child(parent: Page, model, fields: dict, tags: list[str] | None = None) -> Page:
    """The child of ``parent`` with this slug, created and published unless it exists."""
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    page = model(locale=parent.locale, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    _publish(page)
    return page


def load_pages(home: HomePage, ru: Locale) -> None:
    sections = {}
    for spec in content.SECTIONS:
        model = getattr(models, spec["model"])
        section = _child(home, model, {**spec["ky"], "show_in_menus": True})
        _translated(section, ru, spec["ru"])
        sections[spec["key"]] = section

    publications = [
        _child(sections[spec["section"]], models.PublicationPage, {**spec["fields"], **spec["ky"]}, spec["tags"]["ky"])
        for spec in content.PUBLICATIONS
    ]
    # Related publications first, so that the translations copy the links.
    _relate(publications[1], publications[0])
    _relate(publications[4], publications[3])
    for spec, page in zip(content.PUBLICATIONS, publications, strict=True):
        _translated(page, ru, spec["ru"], spec["tags"]["ru"])

    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    for spec in content.EVENTS:
        fields = dict(spec["fields"])
        begins = start + timedelta(days=fields.pop("days"))
        ends = begins + timedelta(hours=fields.pop("hours"))
        page = _child(sections["events"], models.EventPage, {**fields, "start": begins, "end": ends, **spec["ky"]})
        _translated(page, ru, spec["ru"])

    act = {}
    for language in ("ky", "ru"):
        fields = dict(content.LEGAL_ACT[language])
        amendment = {**content.LEGAL_ACT["amendment"], "title": fields.pop("amendment_title"), "page": None, "url": ""}
        fields["body"] = content.legal_act_body(language)
        fields["amendments"] = [{"type": "amendment", "value": amendment}]
        act[language] = fields
    page = _child(sections["acts"], models.LegalActPage, {**content.LEGAL_ACT["fields"], **act["ky"]})
    _translated(page, ru, act["ru"])


def _relate(page: models.PublicationPage, target: Page) -> None:
    if not page.related_links.exists():
        page.related_links.add(models.RelatedPublication(target=target))
        _publish(page)
