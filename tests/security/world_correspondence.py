"""Correspondence of the matrix: a registered letter with a resolution and a draft resolution
awaiting the chairman, a draft, a confidential letter that only the records officer who created it
is named on, and the draft answer to a citizen's appeal that those who approve answers read too
(their subjects and the draft resolution's text are secrets)."""

import datetime

from django.utils import timezone

from documents.appeals import services as appeals
from documents.correspondence import services
from documents.correspondence.models import Correspondence
from governance.access import policy
from tests.documents.appeals.factories import appeal as appeal_factory
from tests.documents.correspondence.factories import docx_bytes

SECRET_DRAFT = "Матрица каттын долбоору"
SECRET_CONFIDENTIAL = "Матрица жашыруун кат"
SECRET_RESOLUTION_DRAFT = "Матрица резолюциянын долбоору"
OPEN_LETTER = "Матрица катталган кат"
SECRET_ANSWER = "Матрица кайрылууга жооптун долбоору"


def _letter(officer, subject, *, register=True, **fields):
    document = services.correspondence_save(
        actor=officer,
        document=Correspondence(
            kind="incoming",
            document_date=datetime.date(2026, 11, 2),
            correspondent="Тышкы иштер министрлиги",
            language="ky",
            subject=subject,
            **fields,
        ),
    )
    services.correspondence_upload(actor=officer, document=document, name="kat.docx", data=docx_bytes())
    return services.correspondence_register(actor=officer, document=document) if register else document


def build(users: dict) -> tuple[dict, list]:
    officer = users["records_officer"]
    registered = _letter(officer, OPEN_LETTER)
    services.correspondence_resolve(
        actor=users["chairman"],
        document=registered,
        text="Кароо жана жооп даярдоо.",
        executor=users["international_officer"],
        controller=users["chairman"],
        days=10,
    )
    resolution_draft = services.resolution_draft_prepare(
        actor=officer,
        document=registered,
        head=users["chairman"],
        responsible=users["international_officer"],
        text=SECRET_RESOLUTION_DRAFT,
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    draft = _letter(officer, SECRET_DRAFT, register=False)
    confidential = _letter(officer, SECRET_CONFIDENTIAL, confidential=True)
    appeal, _token = appeal_factory(name="Матрица жооп алуучу", address="10.9.9.9")
    point = appeals.appeal_point_add(appeal=appeal, actor=officer, text="Кайсы документтер керек?")
    answer = services.appeal_reply_draft(actor=officer, appeal=appeal, subject=SECRET_ANSWER)
    services.correspondence_upload(actor=officer, document=answer, name="jooptu.docx", data=docx_bytes())
    services.correspondence_answer_point(actor=officer, document=answer, point=point, text="Тизмеси тиркелет.")
    objects = {
        "letter": registered,
        "letter_draft": draft,
        "letter_confidential": confidential,
        "resolution_draft": resolution_draft,
        "letter_answer": answer,
    }
    view = "correspondence.view_correspondence"
    secrets = [
        (SECRET_ANSWER, lambda user: policy.can(user, view, answer)),
        (SECRET_DRAFT, lambda user: policy.can(user, view, draft)),
        (SECRET_CONFIDENTIAL, lambda user: policy.can(user, view, confidential)),
        (
            SECRET_RESOLUTION_DRAFT,
            lambda user: policy.can(user, "correspondence.view_resolutiondraft", resolution_draft),
        ),
    ]
    return objects, secrets
