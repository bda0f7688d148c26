"""The archive of the matrix: a heading, a case file due for destruction with a filed record, a
legal hold on another, and an act of destruction waiting for the expert commission's chair."""

import datetime

from documents.archive import services
from documents.archive.models import FileHeading, LegalHold
from governance.access import policy

SECRET_HEADING = "Матрица иштин аталышы"


def build(users: dict) -> tuple[dict, list]:
    keeper = users["records_officer"]
    heading = services.heading_save(
        actor=keeper,
        heading=FileHeading(
            year=2026,
            index="99-01",
            title_ky=SECRET_HEADING,
            title_ru=SECRET_HEADING,
            subdivision="Иш кагаздар кызматы",
            retention_years=5,
            authority="Типовой перечень, ст. 183",
        ),
    )

    def filed(year, key):
        return services.file_record(
            actor=keeper,
            heading=heading,
            year=year,
            app_label="paper",
            model="record",
            object_pk=key,
            date=datetime.date(year, 2, 1),
            description_ky="Архивдин матрицалык жазуусу",
            description_ru="Архивная запись матрицы",
        )

    due = filed(2018, "matrix-1").case
    held = filed(2017, "matrix-2").case
    hold = services.hold_place(
        actor=keeper,
        hold=LegalHold(case=held, reason="Матрица", starts_on=datetime.date(2026, 1, 1)),
    )
    act = services.destruction_propose(actor=keeper, cases=[due], on=datetime.date(2026, 6, 1))
    objects = {"archive_heading": heading, "archive_case": due, "archive_hold": hold, "archive_act": act}
    secrets = [(SECRET_HEADING, lambda user: policy.can(user, "archive.view_fileheading", heading))]
    return objects, secrets
