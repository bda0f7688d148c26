import datetime

from documents.archive import services
from documents.archive.models import FileHeading, LegalHold
from tests.factories import UserFactory


def officer():
    return UserFactory(username="archive-officer", first_name="Мээрим", last_name="Асанова", roles=["records_officer"])


def chair():
    return UserFactory(
        username="archive-chair", first_name="Жаныл", last_name="Орозбаева", roles=["expert_commission_chair"]
    )


def heading(actor, *, index="02-05", years=5, permanent=False, year=2026):
    return services.heading_save(
        actor=actor,
        heading=FileHeading(
            year=year,
            index=index,
            title_ky="Жарандардын арыздары",
            title_ru="Заявления граждан",
            subdivision="Иш кагаздар кызматы",
            permanent=permanent,
            retention_years=None if permanent else years,
            authority="Типовой перечень, ст. 183",
        ),
    )


def filed(actor, item, *, year=2019, key="1", content: bytes | None = b"%PDF-1.4 letter", description="Арыз"):
    return services.file_record(
        actor=actor,
        heading=item,
        year=year,
        app_label="appeals",
        model="appeal",
        object_pk=key,
        number=f"{year}/{key}",
        date=datetime.date(year, 3, 1),
        description_ky=f"{description} {key}",
        description_ru=f"Заявление {key}",
        content=content,
        file_name=f"appeal-{key}.pdf" if content is not None else "",
    )


def hold(actor, case, *, starts_on=datetime.date(2026, 1, 1), ends_on=None):
    return services.hold_place(
        actor=actor, hold=LegalHold(case=case, reason="Запрос суда", starts_on=starts_on, ends_on=ends_on)
    )
