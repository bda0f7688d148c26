"""Demo correspondence: letters in and out with their resolutions (one overdue, one reported), a
draft resolution awaiting the chairman's approval, a reply linked to the letter it answers, an
internal memo still a draft, and the answer to a citizen's appeal in the appeal's language, answering
each of its points, approved by the chairman and sent."""

import datetime

from django.utils import timezone

from documents import workdays
from documents.appeals.models import Appeal
from documents.correspondence import services
from documents.correspondence.models import Correspondence
from documents.docx.letterhead import new_document, paragraph, to_bytes
from documents.instructions import services as instructions
from documents.instructions.models import Instruction

DAY = datetime.timedelta(days=1)


def _file(text: str, language: str) -> bytes:
    document = new_document(language=language)
    paragraph(document, text, language=language)
    return to_bytes(document)


def _document(officer, *, register=True, **fields) -> Correspondence:
    document = services.correspondence_save(actor=officer, document=Correspondence(**fields))
    services.correspondence_upload(
        actor=officer,
        document=document,
        name=f"{fields['kind']}-{document.pk}.docx",
        data=_file(fields["summary"] or fields["subject"], fields["language"]),
    )
    return services.correspondence_register(actor=officer, document=document) if register else document


def load(users: list, subdivisions: dict) -> list[Correspondence]:
    if Correspondence.objects.exists():
        return list(Correspondence.objects.all())
    by_name = {user.username: user for user in users}
    officer, chairman = by_name["records_officer"], by_name["chairman"]
    head, international = by_name["head_of_subdivision"], by_name["international_officer"]
    today = timezone.localdate()

    ministry = _document(
        officer,
        kind="incoming",
        document_date=today - 12 * DAY,
        correspondent="Кыргыз Республикасынын Тышкы иштер министрлиги",
        correspondent_number="04-2/1187",
        language="ky",
        subject="Чет өлкөлүк жарандарды убактылуу каттоо тартибин тактоо жөнүндө",
        summary="Министрлик убактылуу каттоонун мөөнөттөрү боюнча Кызматтын позициясын сурайт.",
    )
    late = services.correspondence_resolve(
        actor=chairman,
        document=ministry,
        text="Укуктук позицияны даярдап, жооптун долбоорун сунуштаңыз.",
        executor=head,
        controller=chairman,
        days=5,
        subdivision=subdivisions["legal"],
    )
    # The demo's one overdue resolution: given two weeks ago, due three working days ago.
    Instruction.objects.filter(pk=late.pk).update(
        deadline_base=today - 14 * DAY, initial_deadline=today - 3 * DAY, deadline=today - 3 * DAY
    )

    iom = _document(
        officer,
        kind="incoming",
        document_date=today - 2 * DAY,
        correspondent="Международная организация по миграции (МОМ), бюро в Бишкеке",
        correspondent_number="IOM-BSK/2026/311",
        language="ru",
        subject="О совместном семинаре по правам трудовых мигрантов",
        summary="МОМ предлагает провести совместный семинар для сотрудников территориальных подразделений.",
    )
    seminar = services.correspondence_resolve(
        actor=chairman,
        document=iom,
        text="Подготовить предложения по программе и срокам семинара.",
        executor=head,
        co_executors=[international],
        controller=chairman,
        days=10,
        subdivision=subdivisions["legal"],
    )
    instructions.instruction_report(
        instruction=seminar, actor=head, text="Предложения по программе подготовлены и согласованы с МОМ."
    )

    # The records office's draft of a second resolution on the letter, waiting for the chairman.
    services.resolution_draft_prepare(
        actor=officer,
        document=iom,
        head=chairman,
        responsible=international,
        text="Согласовать с МОМ список участников семинара от территориальных подразделений.",
        deadline=workdays.on_working_day(today + 14 * DAY),
    )

    reply = _document(
        officer,
        kind="outgoing",
        document_date=today,
        correspondent="Международная организация по миграции (МОМ), бюро в Бишкеке",
        language="ru",
        subject="О совместном семинаре по правам трудовых мигрантов",
        summary="Служба согласна провести семинар и направляет проект программы.",
        reply_to=iom,
    )
    memo = _document(
        officer,
        register=False,
        kind="internal",
        document_date=today,
        correspondent="Юридикалык бөлүм",
        language="ky",
        subject="Каттоо тартиби боюнча ички түшүндүрмө",
        summary="",
    )
    documents = [ministry, iom, reply, memo]
    appeal = Appeal.objects.filter(language="ky", status="registered", points__isnull=False).first()
    if appeal is not None:
        documents.append(_answer(officer, chairman, appeal))
    return documents


ANSWERS = [
    "Чет өлкөдө иштеген жаран келгенден кийин беш жумуш күнүнүн ичинде катталат.",
    "Паспорт, эмгек келишими жана жашаган жерин тастыктаган документ талап кылынат.",
]


def _answer(officer, chairman, appeal: Appeal) -> Correspondence:
    """The answer to the appeal: drafted with a point-by-point answer, approved, then sent."""
    answer = services.appeal_reply_draft(
        actor=officer,
        appeal=appeal,
        subject="Чет өлкөдө иштеген жарандарды каттоо тартиби жөнүндө",
        summary="Каттоо тартиби жана керектүү документтер түшүндүрүлөт.",
    )
    services.correspondence_upload(
        actor=officer, document=answer, name=f"answer-{answer.pk}.docx", data=_file(answer.summary, answer.language)
    )
    for point, text in zip(appeal.points.order_by("number"), ANSWERS, strict=False):
        services.correspondence_answer_point(actor=officer, document=answer, point=point, text=text)
    answer = services.correspondence_approve(actor=chairman, document=answer)
    return services.correspondence_register(actor=officer, document=answer)
