import io

import pytest
from django.utils import timezone
from docx import Document

from governance.awards import docx
from governance.awards.models import Award
from tests.governance.awards.factories import Awards
from tests.governance.orders.factories import People
from tests.governance.staff.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def awards(roles):
    return Awards(People())


def _paragraphs(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def test_the_certificate_is_in_the_recipients_language_with_the_chairmans_signature(awards):
    employee = EmployeeFactory(full_name_ky="Асель Бекова", full_name_ru="Бекова Асель")
    order = awards.confer(awards.propose(employee, language="ru", grounds_ru="За образцовую службу"))
    texts = _paragraphs(docx.render_certificate(Award.objects.get()))

    assert "ПОЧЁТНАЯ ГРАМОТА СЛУЖБЫ" in texts and "Бекова Асель" in texts and "награждается" in texts
    assert "Основание: За образцовую службу" in texts
    assert f"Приказ № {order.number_display} от {timezone.localdate():%d.%m.%Y}" in texts
    assert "Председатель" in texts and "А. Токтосунов" in texts
    assert not any("Асель Бекова" in text or "ыйгарылат" in text for text in texts)  # one language


def test_the_certificate_in_kyrgyz(awards):
    awards.confer(awards.propose(EmployeeFactory(full_name_ky="Асель Бекова")))
    texts = _paragraphs(docx.render_certificate(Award.objects.get()))
    assert "КЫЗМАТТЫН АРДАК ГРАМОТАСЫ" in texts and "Асель Бекова" in texts and "ыйгарылат" in texts


def test_the_submission_to_the_government_has_every_section_in_both_languages(awards):
    employee = EmployeeFactory(full_name_ky="Асель Бекова", full_name_ru="Бекова Асель")
    awards.confer(awards.propose(employee))
    nomination = awards.approve(
        awards.propose(employee, kind=awards.state, grounds_ky="Эмгек миграциясын башкаруудагы салымы үчүн")
    )
    texts = _paragraphs(docx.render_submission(nomination))

    for heading in (
        "ПРЕДСТАВЛЕНИЕ В ПРАВИТЕЛЬСТВО КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
        "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ӨКМӨТҮНӨ СУНУШ",
        "1. Представляемый к награде",
        "2. Предлагаемая награда или звание",
        "3. Основания представления",
        "4. Решение Службы",
        "1. Сыйлыкка көрсөтүлгөн",
        "4. Кызматтын чечими",
    ):
        assert heading in texts
    assert "Бекова Асель" in texts and "Асель Бекова" in texts
    assert "Заслуженный работник Кыргызской Республики" in texts
    assert "Эмгек миграциясын башкаруудагы салымы үчүн" in texts
    assert any(text.startswith("Ранее полученные награды: Почётная грамота Службы") for text in texts)
    assert f"Одобрено председателем {timezone.localdate():%d.%m.%Y}." in texts
