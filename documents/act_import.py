"""Reading a legal act out of a .docx: its title, requisites, chapters, points and their items,
and its amendment notes, as plain data (docs/import.md).

    act = act_import.read(data)  # guard first, then parse in a child process under limits

The parser recognises both layouts Word users make: headings as Word styles (Title, Heading 1)
and headings as plain bold paragraphs; numbers typed in the text ("5.", "1)", "- ") and numbers
from Word's list styles (List Number, List Number 2, List Bullet). Whatever it cannot place is
listed in ``unrecognised`` with its paragraph number; nothing is dropped silently.

Parsing runs in a child process (``python -m documents.act_import``) that caps its own memory and
CPU time before it reads anything, and the parent waits for it with a timeout; so a document that
passed the guard and is still too heavy costs a refusal, not the server.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

MEMORY_BYTES = 768 * 1024 * 1024
CPU_SECONDS = 20
WALL_SECONDS = 30

ROMAN = "IVXLC"
CHAPTER_RU = re.compile(r"^глава\s+([0-9IVXLC]+)\s*[.:]?\s*(.*)$", re.IGNORECASE)
CHAPTER_KY = re.compile(r"^([0-9IVXLC]+)\s*-\s*(?:бап|глава)\s*[.:]?\s*(.*)$", re.IGNORECASE)
CHAPTER_NUMBERED = re.compile(r"^([0-9]+|[IVXLC]+)\.\s+(.+)$")
POINT = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.+)$", re.DOTALL)
ITEM = re.compile(r"^(\d{1,3}|[а-яёөүңa-z])\)\s*(.+)$", re.DOTALL)
DASH_NUMBER = "–"  # the number a "- " item takes where a number must be printed
DASH = re.compile(r"^[-–—•]\s*(.+)$", re.DOTALL)
APPROVAL = re.compile(r"^(бекитилди|бекитилген|утвержден[оаы]?|утверждён)\b\s*:?\s*(.*)$", re.IGNORECASE)
AMENDMENT = re.compile(r"(редакци|изменени|дополнени|өзгөртүү|толуктоо)", re.IGNORECASE)
NUMBER = re.compile(r"№\s*([0-9A-Za-zА-Яа-я/\-]+)")
MONTHS = ("январ", "феврал", "март", "апрел", "ма[йяю]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
MONTH = "(" + "|".join(MONTHS) + r")\w*"
DATE_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
DATE_RU = re.compile(r"(\d{1,2})\s+" + MONTH + r"\s+(\d{4})", re.IGNORECASE)
DATE_KY = re.compile(r"(\d{4})\s*-\s*жыл\w*\s+(\d{1,2})\s*-\s*" + MONTH, re.IGNORECASE)


class ActUnreadable(Exception):
    """The document could not be read; ``reason`` is one of the keys below, for a message."""

    REASONS = ("not_a_document", "too_heavy", "too_slow")

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# Reading one document.


def parse(document) -> dict:
    """The recognised structure of a python-docx ``Document``, in the shape of docs/import.md."""
    return _Parser().run(document)


class _Parser:
    def __init__(self):
        self.act = {
            "title": "",
            "requisites": {"act_kind": "", "approved_by": "", "number": "", "date": ""},
            "chapters": [],
            "amendment_notes": [],
            "unrecognised": [],
        }
        self.chapter = self.point = self.group = None
        self.approval: list[str] | None = None  # the lines of the approval block being read
        self.points_seen = 0

    def run(self, document) -> dict:
        index = 0
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                index += 1
                from docx.text.paragraph import Paragraph

                self.paragraph(index, Paragraph(block, document))
            elif tag == "tbl":
                index += 1
                text = " | ".join(t.text for t in block.iter() if t.tag.endswith("}t") and t.text)
                self.unrecognised(index, text, "table")
        self.finish_approval()
        if not self.act["title"]:
            self.act["title"] = (document.core_properties.title or "").strip()
        return self.act

    def unrecognised(self, index: int, text: str, kind: str = "paragraph") -> None:
        self.act["unrecognised"].append({"paragraph": index, "kind": kind, "text": text})

    def paragraph(self, index: int, paragraph) -> None:
        text = " ".join(paragraph.text.split())
        if not text:
            return
        heading = _is_heading(paragraph)
        list_kind, level = _list_kind(paragraph)
        if text.startswith("(") and text.endswith(")") and AMENDMENT.search(text):
            self.amendment(index, text[1:-1].strip())
            return
        chapter = CHAPTER_RU.match(text) or CHAPTER_KY.match(text)
        if not chapter and heading and list_kind is None:
            chapter = CHAPTER_NUMBERED.match(text)
        if chapter:
            self.finish_approval()
            self.chapter = {"number": chapter.group(1), "title": chapter.group(2).strip(), "points": []}
            self.act["chapters"].append(self.chapter)
            self.point = self.group = None
            return
        if not self.act["chapters"] and self.point is None and self.front_matter(text, heading):
            return
        self.body(index, text, heading, list_kind, level)

    def front_matter(self, text: str, heading: bool) -> bool:
        """Before the first chapter: the approval block, the kind of act and the title."""
        approval = APPROVAL.match(text)
        if approval:
            self.finish_approval()
            self.approval = [approval.group(2)] if approval.group(2) else []
            return True
        if heading:
            self.finish_approval()
            requisites = self.act["requisites"]
            if not self.act["title"] and not requisites["act_kind"] and text.isupper() and len(text.split()) <= 3:
                requisites["act_kind"] = text.capitalize()
            else:
                self.act["title"] = f"{self.act['title']} {text}".strip()
            return True
        if self.approval is not None and not POINT.match(text):
            self.approval.append(text)
            return True
        return False

    def finish_approval(self) -> None:
        if self.approval is None:
            return
        text = " ".join(self.approval)
        self.approval = None
        requisites = self.act["requisites"]
        number, day = NUMBER.search(text), find_date(text)
        if number:
            requisites["number"] = number.group(1)
        if day:
            requisites["date"] = day
        who = NUMBER.sub("", text)
        for pattern in (DATE_DOTTED, DATE_RU, DATE_KY):
            who = pattern.sub("", who)
        who = re.sub(r"(?<!\w)(от|года|г\.)(?!\w)", " ", who, flags=re.IGNORECASE)
        requisites["approved_by"] = " ".join(who.replace(",", " ").split()).strip(" .:")

    def body(self, index: int, text: str, heading: bool, list_kind: str | None, level: int) -> None:
        point = POINT.match(text) if list_kind != "bullet" else None
        if (point or (list_kind == "number" and level == 0)) and not heading:
            number = point.group(1) if point else str(self.points_seen + 1)
            self.points_seen = _leading_int(number, self.points_seen + 1)
            if self.chapter is None:
                self.chapter = {"number": "", "title": "", "points": []}
                self.act["chapters"].append(self.chapter)
            self.point = {"number": number, "text": point.group(2) if point else text, "items": []}
            self.chapter["points"].append(self.point)
            self.group = None
            return
        if self.point is None or heading:
            self.unrecognised(index, text)
            return
        item = ITEM.match(text) if list_kind != "bullet" else None
        if item or list_kind == "number":
            if item is None:
                siblings = self.group["items"] if (self.group and level >= 2) else self.point["items"]
                text = f"{len(siblings) + 1}) {text}"
            nested = self.group is not None and (
                (item is not None and item.group(1).isalpha() and not _label(self.group).isalpha())
                or (item is None and level >= 2)
            )
            entry = {"text": text, "items": []}
            if nested:
                self.group["items"].append(entry)
            else:
                self.point["items"].append(entry)
                self.group = entry if text.endswith(":") else None
            return
        dash = DASH.match(text)
        if dash or list_kind == "bullet":
            entry = {"text": dash.group(1) if dash else text, "items": []}
            (self.group["items"] if self.group else self.point["items"]).append(entry)
            return
        if not self.point["items"]:
            self.point["text"] = f"{self.point['text']}\n{text}"
            return
        self.unrecognised(index, text)

    def amendment(self, index: int, text: str) -> None:
        day = find_date(text)
        if not day:
            self.unrecognised(index, f"({text})")
            return
        number = NUMBER.search(text)
        self.act["amendment_notes"].append({"text": text, "number": number.group(1) if number else "", "date": day})


def _label(item: dict) -> str:
    match = ITEM.match(item["text"])
    return match.group(1) if match else ""


def _leading_int(number: str, default: int) -> int:
    head = number.split(".", 1)[0]
    return int(head) if head.isdigit() else default


def _is_heading(paragraph) -> bool:
    style = paragraph.style
    name = (style.name if style is not None else "") or ""
    if name.lower().startswith(("heading", "title")):
        return True
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(style is not None and style.font.bold)
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def _list_kind(paragraph) -> tuple[str | None, int]:
    """("number" | "bullet" | None, level) from the paragraph's list style or its own numbering."""
    name = ((paragraph.style.name if paragraph.style is not None else "") or "").lower()
    for kind, prefix in (("number", "list number"), ("bullet", "list bullet")):
        if name.startswith(prefix):
            tail = name[len(prefix) :].strip()
            return kind, (int(tail) - 1 if tail.isdigit() else 0)
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is not None and numbering.ilvl is not None:
        return "number", int(numbering.ilvl.val)
    return None, 0


def find_date(text: str) -> str:
    """The first date in ``text`` as YYYY-MM-DD, in the forms acts use in both languages; or ""."""
    candidates = []
    for pattern, order in ((DATE_DOTTED, "dmy"), (DATE_RU, "dMy"), (DATE_KY, "ydM")):
        for match in pattern.finditer(text):
            values = dict(zip(order, match.groups(), strict=True))
            month = values.get("m") or _month(values["M"])
            try:
                day, month, year = int(values["d"]), int(month), int(values["y"])
            except (TypeError, ValueError):
                continue
            if 1 <= day <= 31 and 1 <= month <= 12:
                candidates.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(candidates)[1] if candidates else ""


def _month(word: str) -> int | None:
    for number, stem in enumerate(MONTHS, start=1):
        if re.match(stem, word, re.IGNORECASE):
            return number
    return None


# Running the parser under limits.


def read(data: bytes, *, timeout: float = WALL_SECONDS) -> dict:
    """Guard ``data`` and parse it in a child process under memory and time limits.

    Raises ``office_guard.OfficeFileRefused`` for a hazard and :class:`ActUnreadable` for a file
    that is not a Word document or is too heavy to parse."""
    from documents import office_guard

    office_guard.check(data)
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            [sys.executable, "-m", "documents.act_import"],
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=root,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ActUnreadable("too_slow") from None
    if done.returncode == 0:
        return json.loads(done.stdout)
    reason = done.stdout.decode(errors="replace").strip()
    raise ActUnreadable(reason if reason in ActUnreadable.REASONS else "too_heavy")


def _child() -> int:
    """The child process: cap memory and CPU, read the .docx from stdin, print its structure."""
    import io
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    data = sys.stdin.buffer.read()
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        sys.stdout.write("too_heavy")
        return 3
    except Exception:  # python-docx raises many kinds for a file that is not a Word document
        sys.stdout.write("not_a_document")
        return 2
    try:
        act = parse(document)
    except MemoryError:
        sys.stdout.write("too_heavy")
        return 3
    sys.stdout.write(json.dumps(act, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_child())
