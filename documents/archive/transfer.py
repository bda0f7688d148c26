"""Transfer to the archive as one self-describing BagIt package (RFC 8493, the ``bagit`` library).

The payload (``data/``)::

    records.json        the headings, case files, filed records (with their files' SHA-256),
                        legal holds and acts of destruction of the package
    files/<case>/<name> the records' files
    inventory.docx      the inventory (опись) on the letterhead
    authority.json      the retention authority: each heading's period and article of the list
    acts/<number>.docx  the acts of destruction of the package's case files
    audit.json          the extract of the audit chain about these records

``bagit`` writes SHA-256 and SHA-512 payload manifests, ``bag-info.txt`` and the tag manifests;
``validate`` checks them all; ``restore`` validates, then writes the headings, case files and
records (with their files) into this database, comparing every digest again.
"""

import datetime
import json
import pathlib
import shutil

import bagit
from django.utils import timezone

from documents import digests
from documents.archive.docx import render_inventory
from documents.archive.models import CaseFile, DestructionAct, FiledRecord, FileHeading, LegalHold
from documents.docx.letterhead import agency_letterhead
from documents.models import AuditEntry
from documents.stored_files import atomic_with_files, store

FORMAT = "kyzmat-archive-transfer/1"
CHECKSUMS = ["sha256", "sha512"]


class TransferError(Exception):
    """The package cannot be written, read or restored; the message says why."""


def select_cases(reference: str):
    """``2019`` (every case file of the year) or ``02-05/2019`` (one heading's case file of the year)."""
    index, _slash, year = reference.rpartition("/")
    if not year.isdigit():
        raise TransferError(f"Name a year (2019) or a case file (02-05/2019), not {reference!r}.")
    cases = CaseFile.objects.filter(year=int(year)).select_related("heading").order_by("heading__index", "year")
    if index:
        cases = cases.filter(heading__index=index)
    cases = list(cases)
    if not cases:
        raise TransferError(f"No case file matches {reference!r}.")
    return cases


def _person(user) -> str:
    return user.get_full_name() or user.get_username() if user is not None else ""


def _heading(heading: FileHeading) -> dict:
    return {
        "year": heading.year,
        "index": heading.index,
        "title_ky": heading.title_ky,
        "title_ru": heading.title_ru,
        "subdivision": heading.subdivision,
        "permanent": heading.permanent,
        "retention_years": heading.retention_years,
        "authority": heading.authority,
    }


def _case_key(case: CaseFile) -> str:
    return f"{case.heading.year}:{case.heading.index}:{case.year}"


def _audit(records: list, holds: list, acts: list) -> list[dict]:
    keys = {("archive.filedrecord", str(record.pk)) for record in records}
    keys |= {(f"{record.app_label}.{record.model}", record.object_pk) for record in records}
    keys |= {("archive.legalhold", str(hold.pk)) for hold in holds}
    keys |= {("archive.destructionact", str(act.pk)) for act in acts}
    entries = AuditEntry.objects.filter(object_id__in={object_id for _ct, object_id in keys}).order_by("sequence")
    return [
        {
            "sequence": entry.sequence,
            "action": entry.action,
            "content_type": entry.content_type,
            "object_id": entry.object_id,
            "label": entry.label,
            "user_id": entry.user_id,
            "timestamp": entry.timestamp.isoformat(),
            "data": entry.data,
            "previous_digest": entry.previous_digest,
            "digest": entry.digest,
        }
        for entry in entries
        if (entry.content_type, entry.object_id) in keys
    ]


def export(cases: list, out_dir, *, label: str) -> bagit.Bag:
    """Write the package of ``cases`` into ``out_dir`` (missing or empty) and return the bag."""
    out = pathlib.Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise TransferError(f"{out} is not empty: a package is written into a new or empty folder.")
    out.mkdir(parents=True, exist_ok=True)
    records = list(
        FiledRecord.objects.filter(case__in=cases).select_related("case__heading").order_by("case", "date", "pk")
    )
    holds = list(LegalHold.objects.filter(case__in=cases).select_related("case__heading", "placed_by"))
    acts = list(
        DestructionAct.objects.filter(cases__in=cases)
        .distinct()
        .select_related("proposed_by", "decided_by")
        .prefetch_related("cases__heading")
    )
    headings = {case.heading_id: case.heading for case in cases}
    try:
        listed = []
        for record in records:
            entry = {
                "case": _case_key(record.case),
                "app_label": record.app_label,
                "model": record.model,
                "object_pk": record.object_pk,
                "number": record.number,
                "date": record.date.isoformat(),
                "description_ky": record.description_ky,
                "description_ru": record.description_ru,
                "filed_at": record.filed_at.isoformat(),
                "file": "",
                "file_name": record.file_name,
                "sha256": record.sha256,
                "destroyed_in": record.destroyed_in.number if record.destroyed_in_id else "",
            }
            if record.file:
                with record.file.open("rb") as stored:
                    content = stored.read()
                if digests.sha256(content) != record.sha256:
                    raise TransferError(f"The stored file of {record} does not match its SHA-256.")
                relative = pathlib.Path("files", str(record.case_id), f"{record.pk}-{record.file_name}")
                (out / relative).parent.mkdir(parents=True, exist_ok=True)
                (out / relative).write_bytes(content)
                entry["file"] = relative.as_posix()
            listed.append(entry)
        acts_listed = []
        for act in acts:
            entry = {
                "number": act.number,
                "status": act.status,
                "cases": [_case_key(case) for case in act.cases.all()],
                "proposed_by": _person(act.proposed_by),
                "proposed_on": act.proposed_on.isoformat(),
                "decided_by": _person(act.decided_by),
                "decided_on": act.decided_on.isoformat() if act.decided_on else "",
                "file": "",
                "sha256": act.sha256,
            }
            if act.file:
                relative = pathlib.Path("acts", f"act-{act.number.replace('/', '-')}.docx")
                (out / relative).parent.mkdir(parents=True, exist_ok=True)
                with act.file.open("rb") as stored:
                    (out / relative).write_bytes(stored.read())
                entry["file"] = relative.as_posix()
            acts_listed.append(entry)
        content = {
            "format": FORMAT,
            "label": label,
            "created": timezone.now().isoformat(),
            "headings": [_heading(heading) for heading in headings.values()],
            "cases": [
                {
                    "key": _case_key(case),
                    "heading": [case.heading.year, case.heading.index],
                    "year": case.year,
                    "status": case.status,
                }
                for case in cases
            ],
            "records": listed,
            "holds": [
                {
                    "case": _case_key(hold.case),
                    "reason": hold.reason,
                    "placed_by": _person(hold.placed_by),
                    "starts_on": hold.starts_on.isoformat(),
                    "ends_on": hold.ends_on.isoformat() if hold.ends_on else "",
                }
                for hold in holds
            ],
            "acts": acts_listed,
        }
        _write_json(out / "records.json", content)
        _write_json(
            out / "authority.json",
            {
                "note": "Retention periods from the nomenclature of files and the articles of the list "
                "of standard documents with their retention periods.",
                "headings": [_heading(heading) for heading in headings.values()],
            },
        )
        _write_json(out / "audit.json", _audit(records, holds, acts))
        counts = {case.pk: sum(1 for record in records if record.case_id == case.pk) for case in cases}
        (out / "inventory.docx").write_bytes(render_inventory(cases, counts, label, timezone.localdate()))
        agency = agency_letterhead()
        return bagit.make_bag(
            str(out),
            bag_info={
                "Source-Organization": " / ".join(name for name in (agency.name_ky, agency.name_ru) if name) or "-",
                "External-Description": f"Transfer to the archive: {label}",
                "External-Identifier": label,
                "Bag-Group-Identifier": FORMAT,
            },
            checksums=CHECKSUMS,
        )
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise


def _write_json(path: pathlib.Path, content) -> None:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")


def validate(bag_dir) -> dict:
    """Validate the package's manifests and tag manifests and its own records; return records.json.
    Raise ``TransferError`` naming every damaged or missing file."""
    try:
        bag = bagit.Bag(str(bag_dir))
        bag.validate(processes=1)
    except bagit.BagValidationError as error:
        details = "; ".join(str(detail) for detail in error.details) or str(error)
        raise TransferError(f"The package is damaged: {details}") from None
    except bagit.BagError as error:
        raise TransferError(f"This is not a valid package: {error}") from None
    if set(CHECKSUMS) - set(bag.algorithms):
        raise TransferError("The package lacks a SHA-256 or SHA-512 payload manifest.")
    data = pathlib.Path(bag.path, "data")
    try:
        content = json.loads((data / "records.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise TransferError(f"records.json cannot be read: {error}") from None
    if content.get("format") != FORMAT:
        raise TransferError(f"records.json is not of the format {FORMAT}.")
    for record in content["records"]:
        if record["file"] and digests.sha256((data / record["file"]).read_bytes()) != record["sha256"]:
            raise TransferError(f"{record['file']} does not match the SHA-256 that records.json gives.")
    return content


@atomic_with_files
def restore(bag_dir) -> list[FiledRecord]:
    """Write the package's headings, case files and records, with their files, into this database."""
    content = validate(bag_dir)
    data = pathlib.Path(bag_dir, "data")
    headings = {}
    for fields in content["headings"]:
        heading, _created = FileHeading.objects.get_or_create(
            year=fields["year"], index=fields["index"], defaults=fields
        )
        headings[(fields["year"], fields["index"])] = heading
    cases = {}
    for fields in content["cases"]:
        case, _created = CaseFile.objects.get_or_create(
            heading=headings[tuple(fields["heading"])], year=fields["year"], defaults={"status": fields["status"]}
        )
        cases[fields["key"]] = case
    restored = []
    for fields in content["records"]:
        if FiledRecord.objects.filter(
            app_label=fields["app_label"], model=fields["model"], object_pk=fields["object_pk"]
        ).exists():
            raise TransferError(f"The record {fields['number'] or fields['object_pk']} is already in this archive.")
        record = FiledRecord(
            case=cases[fields["case"]],
            app_label=fields["app_label"],
            model=fields["model"],
            object_pk=fields["object_pk"],
            number=fields["number"],
            date=datetime.date.fromisoformat(fields["date"]),
            description_ky=fields["description_ky"],
            description_ru=fields["description_ru"],
            filed_at=datetime.datetime.fromisoformat(fields["filed_at"]),
            file_name=fields["file_name"],
            sha256=fields["sha256"],
        )
        if fields["file"]:
            store(record.file, fields["file_name"], (data / fields["file"]).read_bytes())
        record.save()
        restored.append(record)
    return restored
