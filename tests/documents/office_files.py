"""Office files the tests build: good .docx in several layouts, and hazards of every kind."""

import io
import struct
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELS = "word/_rels/document.xml.rels"


def plain_docx(text: str = "Жобо") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    return save(document)


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    return rezip({**parts(data), name: content})


def with_relationship(data: bytes, kind: str, target: str, external: bool = True) -> bytes:
    entries = parts(data)
    mode = ' TargetMode="External"' if external else ""
    extra = f'<Relationship Id="rIdHazard" Type="{kind}" Target="{target}"{mode}/>'.encode()
    entries[RELS] = entries[RELS].replace(b"</Relationships>", extra + b"</Relationships>")
    return rezip(entries)


def with_hyperlink(data: bytes) -> bytes:
    document = docx.Document(io.BytesIO(data))
    document.part.relate_to("https://example.org/", RT.HYPERLINK, is_external=True)
    return save(document)


def bomb(data: bytes, inflated_bytes: int, name: str = "word/document.xml") -> bytes:
    """``data`` with one part replaced by ``inflated_bytes`` of repeated XML, written as a stream
    so that building it costs no memory."""
    entries = parts(data)
    out = io.BytesIO()
    chunk = b"<w:p><w:r><w:t>aaaaaaaa</w:t></w:r></w:p>" * 1600
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for part, content in entries.items():
            if part != name:
                archive.writestr(part, content)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            written = 0
            while written < inflated_bytes:
                stream.write(chunk)
                written += len(chunk)
    return out.getvalue()


def lying_sizes(data: bytes, name: str = "word/document.xml", declared: int = 10) -> bytes:
    """``data`` whose zip headers declare ``declared`` bytes for ``name`` instead of the truth."""
    raw = bytearray(data)
    encoded = name.encode()
    position = raw.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", raw, position + 28)[0]
        if bytes(raw[position + 46 : position + 46 + name_length]) == encoded:
            struct.pack_into("<I", raw, position + 24, declared)  # central directory
            local = struct.unpack_from("<I", raw, position + 42)[0]
            struct.pack_into("<I", raw, local + 22, declared)  # local header
        position = raw.find(b"PK\x01\x02", position + 4)
    return bytes(raw)


# Legal acts in the layouts Word users make.


def _bold(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def act_with_styles() -> bytes:
    """Russian; headings as Word styles, points and items typed in the text."""
    document = docx.Document()
    document.add_paragraph("УТВЕРЖДЕНО")
    document.add_paragraph("постановлением Кабинета Министров Кыргызской Республики")
    document.add_paragraph("от 15 октября 2021 года № 123")
    document.add_heading("ПОЛОЖЕНИЕ", level=0)
    document.add_heading("о Государственной миграционной службе", level=1)
    document.add_paragraph("(В редакции постановления Кабинета Министров КР от 01.03.2022 № 45)")
    document.add_heading("Глава 1. Общие положения", level=2)
    document.add_paragraph("1. Служба является государственным органом.")
    document.add_paragraph("2. Основными задачами Службы являются:")
    document.add_paragraph("- реализация миграционной политики;")
    document.add_paragraph("- учет трудовых мигрантов.")
    document.add_heading("Глава 2. Функции", level=2)
    document.add_paragraph("3. Служба выполняет следующие функции:")
    document.add_paragraph("1) в сфере внешней миграции:")
    document.add_paragraph("- выдает разрешения;")
    document.add_paragraph("- ведет реестр;")
    document.add_paragraph("2) оказывает консультации.")
    document.add_paragraph("Таблица ниже не является частью текста.")
    return save(document)


def act_with_bold_paragraphs() -> bytes:
    """Kyrgyz; headings as plain bold paragraphs, points from Word's list styles."""
    document = docx.Document()
    document.add_paragraph(
        "Бекитилди: Кыргыз Республикасынын Министрлер Кабинетинин 2021-жылдын 15-октябрындагы № 123 токтому"
    )
    _bold(document, "ЖОБО")
    _bold(document, "Кыргыз Республикасынын Мамлекеттик миграция кызматы жөнүндө")
    _bold(document, "1-бап. Жалпы жоболор")
    document.add_paragraph("Кызмат мамлекеттик орган болуп саналат.", style="List Number")
    document.add_paragraph("Кызматтын милдеттери:", style="List Number")
    document.add_paragraph("миграциялык саясатты ишке ашыруу;", style="List Bullet")
    document.add_paragraph("эмгек мигранттарын каттоо.", style="List Bullet")
    _bold(document, "2-бап. Кызматтын функциялары")
    document.add_paragraph("3. Кызмат төмөнкү функцияларды аткарат:")
    document.add_paragraph("уруксат берет;", style="List Number 2")
    document.add_paragraph("реестр жүргүзөт.", style="List Number 2")
    document.add_paragraph(
        "(Кыргыз Республикасынын Министрлер Кабинетинин 2023-жылдын 1-мартындагы № 45 токтомунун редакциясында)"
    )
    _bold(document, "Кошумча маалымат")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Тиркеме"
    return save(document)
