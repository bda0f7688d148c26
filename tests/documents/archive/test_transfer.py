"""The transfer package: BagIt with SHA-256 and SHA-512 manifests, validated, and restored into an
empty archive with the same records, files and digests."""

import datetime
import io
import json
import pathlib

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from documents.archive import services, transfer
from documents.archive.models import CaseFile, FiledRecord, FileHeading
from documents.digests import sha256
from tests.documents.archive.factories import chair, filed, heading, hold, officer

pytestmark = pytest.mark.django_db


def _snapshot():
    rows = []
    for record in FiledRecord.objects.select_related("case__heading").order_by("app_label", "model", "object_pk"):
        content = b""
        if record.file:
            with record.file.open("rb") as stored:
                content = stored.read()
        rows.append(
            (
                record.case.heading.index,
                record.case.heading.retention_years,
                record.case.heading.authority,
                record.case.year,
                record.object_pk,
                record.number,
                record.date,
                record.description_ky,
                record.description_ru,
                record.file_name,
                record.sha256,
                sha256(content) if content else "",
            )
        )
    return rows


def _wipe():
    for record in FiledRecord.objects.all():
        record.file.delete(save=False)
    FiledRecord.objects.all().delete()
    for case in CaseFile.objects.all():
        case.holds.all().delete()
        case.destruction_acts.all().delete()
    CaseFile.objects.all().delete()
    FileHeading.objects.all().delete()


@pytest.fixture
def archive(roles):
    keeper = officer()
    item = heading(keeper)
    filed(keeper, item, year=2019, key="1", content=b"%PDF-1.4 first \x00\xff")
    filed(keeper, item, year=2019, key="2", content=None)
    filed(keeper, item, year=2019, key="3", content="Кат мазмуну".encode())
    hold(keeper, CaseFile.objects.get())
    return keeper


def test_a_package_round_trips_into_an_empty_archive(archive, tmp_path):
    before = _snapshot()
    out = tmp_path / "bag"
    call_command("archive_export", "02-05/2019", str(out))

    for name in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        assert (out / name).exists()
    data = out / "data"
    content = json.loads((data / "records.json").read_text())
    assert len(content["records"]) == 3 and content["holds"][0]["reason"] == "Запрос суда"
    authority = json.loads((data / "authority.json").read_text())
    assert authority["headings"][0]["authority"] == "Типовой перечень, ст. 183"
    audit = json.loads((data / "audit.json").read_text())
    assert {"archive.file_record", "archive.hold_place"} <= {entry["action"] for entry in audit}
    inventory = docx.Document(io.BytesIO((data / "inventory.docx").read_bytes()))
    cells = [cell.text for table in inventory.tables for row in table.rows for cell in row.cells]
    assert "02-05" in cells and "Жарандардын арыздары" in cells and "Заявления граждан" in cells

    _wipe()
    assert not FiledRecord.objects.exists() and not FileHeading.objects.exists()
    call_command("archive_import", str(out))
    assert _snapshot() == before


def test_a_tampered_file_is_named_and_fails(archive, tmp_path):
    out = tmp_path / "bag"
    call_command("archive_export", "2019", str(out))
    call_command("archive_validate", str(out))
    victim = next(pathlib.Path(out, "data", "files").rglob("*appeal-3*"))
    original = victim.read_bytes()
    victim.write_bytes(original[:-1] + b"X")  # same size: the checksum, not the byte count, catches it
    with pytest.raises(CommandError, match=r"damaged.*data/files/.*sha256"):
        call_command("archive_validate", str(out))
    _wipe()
    with pytest.raises(CommandError, match="damaged"):
        call_command("archive_import", str(out))
    assert not FiledRecord.objects.exists()


def test_a_destroyed_case_travels_with_its_act_and_descriptions(archive, tmp_path, django_capture_on_commit_callbacks):
    keeper = archive
    case = CaseFile.objects.get()
    case.holds.update(ends_on="2026-01-01")
    act = services.destruction_propose(actor=keeper, cases=[case], on=datetime.date(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.destruction_approve(actor=chair(), act=act, on=act.proposed_on)
    out = tmp_path / "bag"
    call_command("archive_export", "2019", str(out))
    content = json.loads((out / "data" / "records.json").read_text())
    assert all(record["destroyed_in"] == act.number and not record["file"] for record in content["records"])
    assert {record["description_ky"] for record in content["records"]} == {"Арыз 1", "Арыз 2", "Арыз 3"}
    (entry,) = content["acts"]
    assert sha256((out / "data" / entry["file"]).read_bytes()) == entry["sha256"]


def test_export_refuses_a_used_folder_and_an_unknown_case(archive, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("archive_export", "2019", str(tmp_path / "used"))
    with pytest.raises(CommandError, match="No case file"):
        call_command("archive_export", "1990", str(tmp_path / "new"))
    with pytest.raises(CommandError, match="Name a year"):
        call_command("archive_export", "two thousand", str(tmp_path / "new"))
    assert transfer.FORMAT.startswith("kyzmat")
