import datetime
import io

from docx import Document

from documents.correspondence import services
from documents.correspondence.models import Correspondence
from tests.factories import SubdivisionFactory, UserFactory


def docx_bytes(text: str = "Кат") -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class People:
    """Who handles correspondence, and who must not read it."""

    def __init__(self):
        self.records = UserFactory(username="records", roles=["records_officer"])
        self.chairman = UserFactory(username="chairman", roles=["chairman"])
        self.head = UserFactory(username="head", roles=["head_of_subdivision"])
        self.other_head = UserFactory(username="other_head", roles=["head_of_subdivision"])
        self.executor = UserFactory(username="executor", first_name="Айгүл", last_name="Осмонова")
        self.co_executor = UserFactory(username="co_executor")
        self.stranger = UserFactory(username="stranger", roles=["editor"])
        self.department = SubdivisionFactory(name_ky="Миграция департаменти", name_ru="Департамент миграции")
        self.unit = SubdivisionFactory(
            name_ky="Эмгек миграциясы бөлүмү", name_ru="Отдел трудовой миграции", parent=self.department
        )
        self.elsewhere = SubdivisionFactory(name_ky="Каржы бөлүмү", name_ru="Финансовый отдел")


def draft(people, **fields) -> Correspondence:
    values = {
        "kind": "incoming",
        "document_date": datetime.date(2026, 11, 30),
        "correspondent": "Кыргыз Республикасынын Тышкы иштер министрлиги",
        "correspondent_number": "12-3/456",
        "language": "ky",
        "subject": "Чет өлкөлүк жарандарды каттоо тартиби жөнүндө",
        "summary": "Министрлик каттоо тартибин тактоону суранат.",
    }
    values.update(fields)
    return services.correspondence_save(actor=people.records, document=Correspondence(**values))


def with_file(people, document, data: bytes | None = None, name: str = "kat.docx"):
    services.correspondence_upload(actor=people.records, document=document, name=name, data=data or docx_bytes())
    return document


def registered(people, **fields) -> Correspondence:
    document = with_file(people, draft(people, **fields))
    return services.correspondence_register(actor=people.records, document=document)
