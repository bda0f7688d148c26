"""Every change of a grant: keyword-only, in one transaction, asking the policy first and writing
Wagtail's log. Money is exact (Decimal) and in the grant's currency; another currency needs a
stated, dated rate; an overspend of a line, of the grant or of the money received is refused.
Tranches expected and reports due become instructions of the shared engine."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents.instructions.services import instruction_create
from governance.access import policy
from governance.grants import money, selectors
from governance.grants.enums import LIFECYCLE, SPENDING, TRANCHE_LIFECYCLE, GrantStatus, TrancheStatus
from governance.grants.models import BudgetLine, Donor, Expenditure, Grant, GrantReport, Tranche


def _locked(grant: Grant) -> Grant:
    return Grant.objects.select_for_update().get(pk=grant.pk)


def _save(instance, actor, action: str):
    created = instance.pk is None
    instance.full_clean()
    instance.save()
    log(instance=instance, action="wagtail.create" if created else "wagtail.edit", user=actor)
    return instance


def _open(grant: Grant):
    if grant.status == GrantStatus.CLOSED:
        raise ValidationError(_("A closed grant is no longer changed."), code="closed")


@transaction.atomic
def donor_save(*, actor, donor: Donor) -> Donor:
    policy.require(actor, "grants.change_donor" if donor.pk else "grants.add_donor", donor if donor.pk else None)
    return _save(donor, actor, "donor")


@transaction.atomic
def grant_save(*, actor, grant: Grant) -> Grant:
    """A new grant (negotiated), or a change of one; its amount never falls below its budget lines
    or what was received, and its currency does not change once money has moved."""
    if grant.pk is None:
        policy.require(actor, "grants.add_grant")
        grant.status = GrantStatus.NEGOTIATED
        grant.created_by = actor
        return _save(grant, actor, "grant")
    policy.require(actor, "grants.change_grant", grant)
    before = _locked(grant)
    _open(before)
    money.amount(grant.amount)
    if grant.currency != before.currency and (before.tranches.exists() or before.expenditures.exists()):
        raise ValidationError({"currency": _("The currency does not change once tranches or expenditures exist.")})
    planned = sum((line.amount for line in before.lines.all()), start=Decimal("0.00"))
    if grant.amount < planned:
        raise ValidationError({"amount": _("The budget lines already come to %(planned)s.") % {"planned": planned}})
    if grant.amount < selectors.received(before):
        raise ValidationError({"amount": _("More than this has already been received.")})
    return _save(grant, actor, "grant")


@transaction.atomic
def budget_line_save(*, actor, line: BudgetLine) -> BudgetLine:
    """A budget line in the grant's currency; the lines together never exceed the grant."""
    grant = _locked(line.grant)
    policy.require(actor, "grants.change_grant", grant)
    _open(grant)
    line.amount = money.amount(line.amount)
    others = grant.lines.exclude(pk=line.pk)
    planned = sum((other.amount for other in others), start=Decimal("0.00")) + line.amount
    if planned > grant.amount:
        raise ValidationError(
            {
                "amount": _("The budget lines would come to %(planned)s, over the grant's %(amount)s.")
                % {"planned": money.show(planned, grant.currency), "amount": money.show(grant.amount, grant.currency)}
            }
        )
    if line.pk and line.amount < selectors.spent(grant, line=line):
        raise ValidationError({"amount": _("More than this has already been spent on the line.")})
    return _save(line, actor, "line")


def _move(action: str, grant: Grant, actor, to: str) -> Grant:
    grant = _locked(grant)
    policy.require(actor, LIFECYCLE.policy_action(action), grant)
    LIFECYCLE.check(action, grant)
    LIFECYCLE.check_end(action, to)
    grant.status = to
    return grant


def _done(action, grant, actor, **data):
    grant.full_clean()
    grant.save()
    log(instance=grant, action=LIFECYCLE.log_action(action), user=actor, data=data or None)
    return grant


@transaction.atomic
def grant_sign(*, grant, actor, date: datetime.date | None = None) -> Grant:
    grant = _move("sign", grant, actor, GrantStatus.SIGNED)
    grant.signed_on = date or timezone.localdate()
    return _done("sign", grant, actor)


@transaction.atomic
def grant_activate(*, grant, actor) -> Grant:
    return _done("activate", _move("activate", grant, actor, GrantStatus.ACTIVE), actor)


@transaction.atomic
def grant_close(*, grant, actor) -> Grant:
    return _done("close", _move("close", grant, actor, GrantStatus.CLOSED), actor)


# The donor's obligations, under control.


@transaction.atomic
def tranche_expect(
    *, actor, grant: Grant, number: int, expected_on: datetime.date, expected_amount, executor=None, controller=None
) -> Tranche:
    """A tranche the donor agreement promises; checking that it arrived is an instruction due that day."""
    grant = _locked(grant)
    policy.require(actor, "grants.change_grant", grant)
    _open(grant)
    expected_amount = money.amount(expected_amount)
    promised = sum((t.expected_amount for t in grant.tranches.all()), start=Decimal("0.00")) + expected_amount
    if promised > grant.amount:
        raise ValidationError(
            {
                "expected_amount": _("The tranches would come to %(total)s, over the grant's %(amount)s.")
                % {"total": money.show(promised, grant.currency), "amount": money.show(grant.amount, grant.currency)}
            }
        )
    tranche = _save(
        Tranche(grant=grant, number=number, expected_on=expected_on, expected_amount=expected_amount), actor, "tranche"
    )
    if expected_on >= timezone.localdate():
        instruction_create(
            actor=actor,
            subject=tranche,
            title=str(_("Tranche %(number)s: %(grant)s") % {"number": number, "grant": grant.title()})[:300],
            text=str(
                _("Check that tranche %(number)s of %(amount)s has reached the special account, or write to the donor.")
                % {"number": number, "amount": money.show(expected_amount, grant.currency)}
            ),
            executor=executor or actor,
            controller=controller or actor,
            deadline=expected_on,
            subdivision=grant.subdivision,
        )
    return tranche


@transaction.atomic
def tranche_receive(
    *, actor, tranche: Tranche, received_on: datetime.date, amount, currency: str, rate=None, rate_date=None
) -> Tranche:
    """The money of a tranche reached the account: in the grant's currency, or converted at a stated, dated rate."""
    grant = _locked(tranche.grant)
    tranche = Tranche.objects.select_for_update().select_related("grant").get(pk=tranche.pk)
    policy.require(actor, TRANCHE_LIFECYCLE.policy_action("receive"), tranche)
    TRANCHE_LIFECYCLE.check("receive", tranche)
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    converted = money.convert(amount, currency, to=grant.currency, rate=rate, rate_date=rate_date)
    if selectors.received(grant) + converted > grant.amount:
        raise ValidationError(
            {
                "amount": _("With this tranche the grant would receive more than its %(amount)s.")
                % {"amount": money.show(grant.amount, grant.currency)}
            }
        )
    tranche.received_on = received_on
    tranche.received_amount = converted
    tranche.received_original = money.amount(amount)
    tranche.received_currency = currency
    tranche.rate, tranche.rate_date = (rate, rate_date) if currency != grant.currency else (None, None)
    tranche.status = TrancheStatus.RECEIVED
    tranche.full_clean()
    tranche.save()
    log(instance=tranche, action=TRANCHE_LIFECYCLE.log_action("receive"), user=actor)
    return tranche


@transaction.atomic
def expenditure_record(
    *,
    actor,
    grant: Grant,
    line: BudgetLine,
    tranche: Tranche,
    date: datetime.date,
    amount,
    currency: str,
    description: str,
    rate=None,
    rate_date=None,
) -> Expenditure:
    """A payment from the grant: refused when it overspends its line, the grant or the money received."""
    grant = _locked(grant)
    policy.require(actor, "grants.change_grant", grant)
    if grant.status not in SPENDING:
        raise ValidationError(_("Money is spent only from an active grant."), code="status")
    if line.grant_id != grant.pk or tranche.grant_id != grant.pk:
        raise ValidationError(_("The line and the tranche must be the grant's own."), code="foreign")
    if tranche.received_on is None:
        raise ValidationError({"tranche": _("Nothing is paid from a tranche not yet received.")})
    if date > timezone.localdate() or date < tranche.received_on:
        raise ValidationError({"date": _("The date is between the tranche's receipt and today.")})
    converted = money.convert(amount, currency, to=grant.currency, rate=rate, rate_date=rate_date)
    show = lambda value: money.show(value, grant.currency)  # noqa: E731
    line_spent = selectors.spent(grant, line=line)
    if line_spent + converted > line.amount:
        raise ValidationError(
            {
                "amount": _(
                    "This overspends the line “%(line)s”: %(left)s is left of %(budget)s, the payment is %(paid)s."
                )
                % {
                    "line": line,
                    "left": show(line.amount - line_spent),
                    "budget": show(line.amount),
                    "paid": show(converted),
                }
            }
        )
    spent = selectors.spent(grant)
    if spent + converted > grant.amount:
        raise ValidationError(
            {
                "amount": _("This overspends the grant: %(left)s is left of %(amount)s.")
                % {"left": show(grant.amount - spent), "amount": show(grant.amount)}
            }
        )
    tranche_left = (tranche.received_amount or Decimal("0.00")) - selectors.spent(grant, tranche=tranche)
    if converted > tranche_left:
        raise ValidationError(
            {"amount": _("This is more than is left of the tranche: %(left)s.") % {"left": show(tranche_left)}}
        )
    expenditure = Expenditure(
        grant=grant,
        line=line,
        tranche=tranche,
        date=date,
        amount=money.amount(amount),
        currency=currency,
        rate=rate if currency != grant.currency else None,
        rate_date=rate_date if currency != grant.currency else None,
        amount_in_grant_currency=converted,
        description=description,
        created_by=actor,
    )
    return _save(expenditure, actor, "expenditure")


@transaction.atomic
def report_schedule(
    *, actor, grant: Grant, title_ky: str, title_ru: str, due_on: datetime.date, executor=None, controller=None
) -> GrantReport:
    """A report the donor agreement requires by a date: an instruction of the shared engine."""
    grant = _locked(grant)
    policy.require(actor, "grants.change_grant", grant)
    _open(grant)
    report = _save(GrantReport(grant=grant, title_ky=title_ky, title_ru=title_ru, due_on=due_on), actor, "report")
    instruction_create(
        actor=actor,
        subject=report,
        title=str(report)[:300],
        text=str(_("Submit the report to the donor: %(report)s (%(grant)s).") % {"report": report, "grant": grant}),
        executor=executor or actor,
        controller=controller or actor,
        deadline=due_on,
        subdivision=grant.subdivision,
    )
    return report


@transaction.atomic
def report_submit(*, actor, report: GrantReport, file, submitted_on: datetime.date | None = None) -> GrantReport:
    """The report as sent to the donor, as a file."""
    report = GrantReport.objects.select_for_update().get(pk=report.pk)
    policy.require(actor, "grants.change_grant", report.grant)
    if report.submitted_on is not None:
        raise ValidationError(_("This report has already been submitted."), code="submitted")
    if not file:
        raise ValidationError({"file": _("Attach the report as submitted.")})
    report.file = file
    report.submitted_on = submitted_on or timezone.localdate()
    return _save(report, actor, "report")
