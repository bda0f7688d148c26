"""Every change of the archive: the nomenclature, filing, legal holds, destruction.

Each service asks the policy, validates before it writes, runs in one transaction and writes
Wagtail's log (the holds and the destruction also go into the audit chain, see apps.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from documents import digests, numbering
from documents.archive.enums import LIFECYCLE, ActStatus, CaseStatus
from documents.archive.models import CaseFile, DestructionAct, FiledRecord, FileHeading, LegalHold
from documents.stored_files import atomic_with_files, store
from governance.access import policy

ACT_SERIES = "archive:destruction"


@transaction.atomic
def heading_save(*, actor, heading: FileHeading) -> FileHeading:
    """Add a heading to the nomenclature, or correct one."""
    creating = heading.pk is None
    policy.require(actor, "archive.add_fileheading" if creating else "archive.change_fileheading", heading)
    if not creating and heading.cases.filter(status=CaseStatus.DESTROYED).exists():
        old = FileHeading.objects.get(pk=heading.pk)
        if (old.permanent, old.retention_years) != (heading.permanent, heading.retention_years):
            raise ValidationError(_("Case files of this heading were destroyed: its retention period stays."))
    heading.full_clean()
    heading.save()
    log(instance=heading, action="wagtail.create" if creating else "wagtail.edit", user=actor)
    return heading


@atomic_with_files
def file_record(
    *,
    actor,
    heading: FileHeading,
    year: int,
    app_label: str,
    model: str,
    object_pk,
    date: datetime.date,
    description_ky: str,
    description_ru: str,
    number: str = "",
    content: bytes | None = None,
    file_name: str = "",
) -> FiledRecord:
    """File one record of any module in the case file of ``heading`` for ``year`` (made when missing).

    The description is frozen here in both languages; the file, when given, is stored with its SHA-256.
    """
    case, _created = CaseFile.objects.get_or_create(heading=heading, year=year)
    policy.require(actor, "archive.file_record", case)
    if case.status != CaseStatus.KEPT:
        raise ValidationError(_("This case file is no longer kept: nothing more can be filed in it."))
    if FiledRecord.objects.filter(app_label=app_label, model=model, object_pk=str(object_pk)).exists():
        raise ValidationError(_("This record is already filed."))
    record = FiledRecord(
        case=case,
        app_label=app_label,
        model=model,
        object_pk=str(object_pk),
        number=number,
        date=date,
        description_ky=description_ky,
        description_ru=description_ru,
        filed_at=timezone.now(),
    )
    if content is not None:
        if not file_name:
            raise ValidationError(_("A filed file needs its name."))
        record.file_name = file_name
        record.sha256 = digests.sha256(content)
        record.full_clean(exclude=["file"])
        store(record.file, file_name, content)
    else:
        record.full_clean(exclude=["file"])
    record.save()
    log(instance=record, action="archive.file_record", user=actor, data={"case": case.pk, "sha256": record.sha256})
    return record


@transaction.atomic
def hold_place(*, actor, hold: LegalHold) -> LegalHold:
    """Put a case file under a legal hold: it is not destroyed while the hold lasts."""
    policy.require(actor, "archive.hold_place", getattr(hold, "case", None))
    hold.placed_by = actor
    if hold.starts_on is None:
        hold.starts_on = timezone.localdate()
    if hold.ends_on is not None and hold.ends_on < hold.starts_on:
        raise ValidationError({"ends_on": _("A hold cannot end before it starts.")})
    if not (hold.reason or "").strip():
        raise ValidationError({"reason": _("Say why the case file is held.")})
    hold.full_clean()
    if hold.case.status == CaseStatus.DESTROYED:
        raise ValidationError({"case": _("This case file has been destroyed.")})
    hold.save()
    log(instance=hold, action="archive.hold_place", user=actor, data={"case": hold.case_id, "reason": hold.reason})
    return hold


@transaction.atomic
def hold_lift(*, actor, hold: LegalHold, on: datetime.date | None = None) -> LegalHold:
    """End a hold on ``on`` (today by default)."""
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    policy.require(actor, "archive.hold_lift", hold)
    on = on or timezone.localdate()
    if on < hold.starts_on:
        raise ValidationError(_("A hold cannot end before it starts."))
    hold.ends_on = on
    hold.save(update_fields=["ends_on"])
    log(instance=hold, action="archive.hold_lift", user=actor, data={"ends_on": on.isoformat()})
    return hold


def _held(case: CaseFile, on: datetime.date) -> bool:
    return LegalHold.objects.active_on(on).filter(case=case).exists()


def _refuse_unless_destroyable(case: CaseFile, on: datetime.date) -> None:
    if case.destroy_from is None:
        raise ValidationError(_("%(case)s is kept permanently.") % {"case": case})
    if case.destroy_from > on:
        raise ValidationError(
            _("%(case)s is kept until %(date)s.") % {"case": case, "date": case.destroy_from.strftime("%d.%m.%Y")}
        )
    if _held(case, on):
        raise ValidationError(_("%(case)s is under a legal hold.") % {"case": case})


@transaction.atomic
def destruction_propose(*, actor, cases, on: datetime.date | None = None) -> DestructionAct:
    """The records officer proposes to destroy case files whose retention has ended and that no
    hold keeps; the act waits for the expert commission's chair."""
    policy.require(actor, "archive.destruction_propose")
    on = on or timezone.localdate()
    cases = list(CaseFile.objects.select_for_update().filter(pk__in=[case.pk for case in cases]))
    if not cases:
        raise ValidationError({"cases": _("Choose at least one case file.")})
    for case in cases:
        if case.status != CaseStatus.KEPT:
            raise ValidationError({"cases": _("%(case)s is already proposed or destroyed.") % {"case": case}})
        try:
            _refuse_unless_destroyable(case, on)
        except ValidationError as error:
            raise ValidationError({"cases": error.messages}) from None
    act = DestructionAct.objects.create(
        number=f"{on.year}/{numbering.next_number(ACT_SERIES, on.year)}", proposed_by=actor, proposed_on=on
    )
    act.cases.set(cases)
    CaseFile.objects.filter(pk__in=[case.pk for case in cases]).update(status=CaseStatus.PROPOSED)
    log(instance=act, action="archive.destruction_propose", user=actor, data={"cases": [c.pk for c in cases]})
    return act


def _locked(act: DestructionAct) -> DestructionAct:
    return DestructionAct.objects.select_for_update().get(pk=act.pk)


def _decide(actor, act: DestructionAct, action: str) -> DestructionAct:
    act = _locked(act)
    policy.require(actor, LIFECYCLE.policy_action(action), act)
    LIFECYCLE.check(action, act)
    if act.proposed_by_id == actor.pk:
        raise ValidationError(_("Whoever proposed the destruction cannot decide on it: another person must."))
    return act


@atomic_with_files
def destruction_approve(*, actor, act: DestructionAct, on: datetime.date | None = None) -> DestructionAct:
    """The expert commission's chair approves: the records' files are removed, their descriptions
    stay, and the act of destruction (.docx) is made and kept with its SHA-256."""
    from documents.archive.docx import render_act

    act = _decide(actor, act, "approve")
    on = on or timezone.localdate()
    cases = list(act.cases.select_for_update().select_related("heading"))
    for case in cases:
        _refuse_unless_destroyable(case, on)  # a hold placed after the proposal still stops it
    act.status, act.decided_by, act.decided_on = ActStatus.APPROVED, actor, on
    LIFECYCLE.check_end("approve", act.status)
    records = list(FiledRecord.objects.filter(case__in=cases))
    names = [record.file.name for record in records if record.file]
    for record in records:
        record.destroyed_in = act
        record.file = ""
    FiledRecord.objects.bulk_update(records, ["destroyed_in", "file"])
    CaseFile.objects.filter(pk__in=[case.pk for case in cases]).update(status=CaseStatus.DESTROYED)
    content = render_act(act)
    act.sha256 = digests.sha256(content)
    store(act.file, f"act-{act.number.replace('/', '-')}.docx", content)
    act.save()
    storage = FiledRecord._meta.get_field("file").storage
    # The files go only once the destruction is committed.
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    log(
        instance=act,
        action=LIFECYCLE.log_action("approve"),
        user=actor,
        data={"records": len(records), "sha256": act.sha256},
    )
    return act


@transaction.atomic
def destruction_refuse(*, actor, act: DestructionAct, reason: str = "") -> DestructionAct:
    """The chair refuses: the case files are kept again."""
    act = _decide(actor, act, "refuse")
    act.status, act.decided_by, act.decided_on = ActStatus.REFUSED, actor, timezone.localdate()
    LIFECYCLE.check_end("refuse", act.status)
    act.save()
    act.cases.update(status=CaseStatus.KEPT)
    log(instance=act, action=LIFECYCLE.log_action("refuse"), user=actor, data={"reason": reason})
    return act
