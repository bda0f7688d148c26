"""Benchmark: a structure of 300 subdivisions and a staffing table of 3,000 rows; time approving a
version, computing vacancies on a date and exporting the .docx and the .xlsx of the version and of
the vacancy report.

    .venv/bin/python bench/staff.py [--subdivisions 300] [--rows 3000] [--employees 2000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kyzmat .venv/bin/python bench/staff.py

It runs in a throw-away test database that it creates and drops, and prints figures; it is not part
of the test run. Targets: vacancies on a date under 200 ms; each export under 2 s.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from governance.access.objects import group_for_role  # noqa: E402
from governance.access.setup import sync_roles  # noqa: E402
from governance.orders import services as order_services  # noqa: E402
from governance.orders.models import Series  # noqa: E402
from governance.staff import exports, selectors, services  # noqa: E402
from governance.staff.models import Employee, PersonnelAction, PostHolding, StaffingRow, StaffingTable  # noqa: E402
from governance.structure.enums import PositionCategory, SubdivisionKind  # noqa: E402
from governance.structure.models import Position, Subdivision  # noqa: E402

DAY = datetime.date(2026, 1, 1)


def user(username: str, role: str):
    person, _ = get_user_model().objects.get_or_create(username=username, defaults={"first_name": "Бенч"})
    person.groups.add(group_for_role(role))
    return person


def timed(label: str, function, repeat: int = 1):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"{label:40} {median:9.1f} ms" + (f" (median of {repeat})" if repeat > 1 else ""))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subdivisions", type=int, default=300)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--employees", type=int, default=2000)
    options = parser.parse_args()

    databases = setup_databases(verbosity=0, interactive=False)
    try:
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        sync_roles()
        hr, secretary = user("bench_hr", "hr_officer"), user("bench_secretary", "state_secretary")
        chairman = user("bench_chairman", "chairman")
        subdivisions = Subdivision.objects.bulk_create(
            Subdivision(code=f"s{n}", name_ky=f"Бөлүм {n}", name_ru=f"Отдел {n}", kind=SubdivisionKind.DIVISION)
            for n in range(options.subdivisions)
        )
        per = max(1, options.rows // options.subdivisions)
        positions = Position.objects.bulk_create(
            Position(
                title_ky=f"Кызмат {n}",
                title_ru=f"Должность {n}",
                category=PositionCategory.ADMINISTRATIVE,
                salary_rate=Decimal(30000 + n * 100),
            )
            for n in range(per)
        )
        services.wage_limit_set(actor=hr, year=DAY.year, staff_limit=10**7, wage_fund=Decimal(10**12))
        table = services.staffing_table_create(actor=hr, title="Бенч", effective_from=DAY)
        StaffingRow.objects.bulk_create(
            StaffingRow(table=table, subdivision=s, position=p, units=3, monthly_salary=p.salary_rate)
            for s in subdivisions
            for p in positions
        )
        print(f"{len(subdivisions)} subdivisions, {table.rows.count()} rows")
        series = Series.objects.create(code="bench", name_ky="Сыноо", name_ru="Проба")
        table = timed(
            "propose (limits, drafting the order)",
            lambda: services.staffing_table_propose(actor=hr, table=table, series=series, approvers=[secretary]),
        )
        order = order_services.order_submit(order=table.order, actor=hr)
        order = order_services.order_approve(order=order, actor=secretary)
        timed("approve (signing the order)", lambda: order_services.order_sign(order=order, actor=chairman))
        assert StaffingTable.objects.in_force_on(DAY) is not None

        rows = list(table.rows.all()[: options.employees])
        employees = Employee.objects.bulk_create(
            Employee(full_name_ky=f"Кызматкер {n}", full_name_ru=f"Сотрудник {n}", personnel_number=f"B{n:06d}")
            for n in range(len(rows))
        )
        actions = PersonnelAction.objects.bulk_create(
            PersonnelAction(
                employee=e,
                kind="appointment",
                date=DAY,
                subdivision_id=r.subdivision_id,
                position_id=r.position_id,
                grounds_ky="Бенч",
                grounds_ru="Бенч",
                status="effective",
                created_by=hr,
            )
            for e, r in zip(employees, rows, strict=True)
        )
        PostHolding.objects.bulk_create(
            PostHolding(
                employee=a.employee, subdivision_id=a.subdivision_id, position_id=a.position_id, date_from=DAY, action=a
            )
            for a in actions
        )
        print(f"{len(employees)} employees in posts")
        vacancies = timed("vacancies on a date", lambda: selectors.vacancies_on(DAY + datetime.timedelta(days=5)), 5)
        print(f"{'':40} {sum(v.vacant for v in vacancies)} vacant units")
        data = timed("gather the export's rows", lambda: exports.staffing_document_data(table), 3)
        docx = timed("export .docx", lambda: exports.build_staffing_docx(data), 3)
        xlsx = timed("export .xlsx", lambda: exports.build_staffing_xlsx(data), 3)
        print(f"{'':40} .docx {len(docx) // 1024} KiB, .xlsx {len(xlsx) // 1024} KiB")
        docx = timed("vacancy report .docx", lambda: exports.build_vacancies_docx(vacancies, DAY), 3)
        xlsx = timed("vacancy report .xlsx", lambda: exports.build_vacancies_xlsx(vacancies, DAY), 3)
        print(f"{'':40} .docx {len(docx) // 1024} KiB, .xlsx {len(xlsx) // 1024} KiB")
    finally:
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
