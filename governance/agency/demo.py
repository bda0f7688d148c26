"""Sample agency data: the State Migration Service as the model agency."""

from governance.agency.models import AgencySettings

AGENCY = {
    "full_name_ky": "Кыргыз Республикасынын Өкмөтүнө караштуу Мамлекеттик миграция кызматы",
    "full_name_ru": "Государственная служба миграции при Правительстве Кыргызской Республики",
    "short_name_ky": "Мамлекеттик миграция кызматы",
    "short_name_ru": "Государственная служба миграции",
    "address_ky": "720001, Бишкек шаары, Үлгү көчөсү, 1",
    "address_ru": "720001, город Бишкек, улица Образцовая, 1",
    "phone": "+996 312 00 00 00",
    "email": "info@kyzmat.example",
}


def load(site) -> AgencySettings:
    agency = AgencySettings.for_site(site)
    for field, value in AGENCY.items():
        setattr(agency, field, value)
    agency.save()
    return agency
