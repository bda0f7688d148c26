"""The .docx reader of legal acts, on documents built in the layouts Word users make."""

import pytest

from documents import act_import
from documents.act_import import ActUnreadable
from documents.office_guard import OfficeFileRefused
from tests.documents import office_files as files


def test_headings_as_word_styles_and_numbers_typed_in_the_text():
    act = act_import.read(files.act_with_styles())

    assert act["title"] == "о Государственной миграционной службе"
    assert act["requisites"] == {
        "act_kind": "Положение",
        "approved_by": "постановлением Кабинета Министров Кыргызской Республики",
        "number": "123",
        "date": "2021-10-15",
    }
    assert [(c["number"], c["title"]) for c in act["chapters"]] == [("1", "Общие положения"), ("2", "Функции")]
    tasks = act["chapters"][0]["points"][1]
    assert tasks["number"] == "2"
    assert [item["text"] for item in tasks["items"]] == [
        "реализация миграционной политики;",
        "учет трудовых мигрантов.",
    ]
    functions = act["chapters"][1]["points"][0]
    group, single = functions["items"]
    assert group["text"] == "1) в сфере внешней миграции:"
    assert [item["text"] for item in group["items"]] == ["выдает разрешения;", "ведет реестр;"]
    assert single == {"text": "2) оказывает консультации.", "items": []}
    assert act["amendment_notes"] == [
        {
            "text": "В редакции постановления Кабинета Министров КР от 01.03.2022 № 45",
            "number": "45",
            "date": "2022-03-01",
        }
    ]


def test_headings_as_bold_paragraphs_and_numbers_from_word_list_styles():
    act = act_import.read(files.act_with_bold_paragraphs())

    assert act["title"] == "Кыргыз Республикасынын Мамлекеттик миграция кызматы жөнүндө"
    assert act["requisites"]["act_kind"] == "Жобо"
    assert act["requisites"]["number"] == "123"
    assert act["requisites"]["date"] == "2021-10-15"
    assert [(c["number"], c["title"]) for c in act["chapters"]] == [
        ("1", "Жалпы жоболор"),
        ("2", "Кызматтын функциялары"),
    ]
    first, second = act["chapters"][0]["points"]
    assert (first["number"], second["number"]) == ("1", "2")
    assert [item["text"] for item in second["items"]] == [
        "миграциялык саясатты ишке ашыруу;",
        "эмгек мигранттарын каттоо.",
    ]
    third = act["chapters"][1]["points"][0]
    assert third["number"] == "3"
    assert [item["text"] for item in third["items"]] == ["1) уруксат берет;", "2) реестр жүргүзөт."]
    assert act["amendment_notes"][0]["date"] == "2023-03-01"


def test_what_is_not_recognised_is_reported_with_its_place_not_dropped():
    styles = act_import.read(files.act_with_styles())
    bold = act_import.read(files.act_with_bold_paragraphs())

    assert styles["unrecognised"] == [
        {"paragraph": 18, "kind": "paragraph", "text": "Таблица ниже не является частью текста."}
    ]
    assert bold["unrecognised"] == [
        {"paragraph": 14, "kind": "paragraph", "text": "Кошумча маалымат"},
        {"paragraph": 15, "kind": "table", "text": "Тиркеме"},
    ]


def test_an_amendment_note_without_a_date_is_reported():
    document = files.docx.Document()
    document.add_heading("Глава 1. Общие положения", level=1)
    document.add_paragraph("1. Текст.")
    document.add_paragraph("(В редакции постановления без даты)")
    act = act_import.read(files.save(document))
    assert act["amendment_notes"] == []
    assert act["unrecognised"][0]["text"] == "(В редакции постановления без даты)"


def test_a_hazard_is_refused_before_any_parsing():
    with pytest.raises(OfficeFileRefused):
        act_import.read(files.bomb(files.plain_docx(), 25 * 1024 * 1024))


def test_an_office_file_that_is_not_a_word_document_gets_a_reason():
    data = files.rezip({"[Content_Types].xml": b'<?xml version="1.0"?><Types/>', "a.xml": b"<a/>"})
    with pytest.raises(ActUnreadable) as caught:
        act_import.read(data)
    assert caught.value.reason == "not_a_document"


def test_parsing_that_takes_too_long_is_stopped():
    with pytest.raises(ActUnreadable) as caught:
        act_import.read(files.act_with_styles(), timeout=0.01)
    assert caught.value.reason == "too_slow"
