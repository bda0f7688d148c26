"""The awards of the matrix: a kind, an open nomination in the subdivision the matrix's head heads,
a state title submitted to the Government, and two awards conferred by a signed order (one to an
employee of that subdivision, one to the records officer's own record). The grounds of each
nomination are its secret (personal data)."""

from governance.access import policy
from governance.awards import services
from tests.governance.awards.factories import AwardKindFactory, awards_series
from tests.governance.staff.factories import EmployeeFactory, sign

SECRET_OPEN = "Матрица сыйлыкка көрсөтүү негизи"
SECRET_STATE = "Матрица мамлекеттик сыйлык негизи"
SECRET_LEGAL = "Матрица грамота негизи юрист"
SECRET_OWN = "Матрица грамота негизи өзүнүкү"


def build(people, staff_objects: dict, legal, finance) -> tuple[dict, list]:
    honour = AwardKindFactory()
    state = AwardKindFactory(
        code="honoured-worker", name_ky="Ардактуу кызматкер", name_ru="Заслуженный работник", level="state"
    )
    awards_series()

    def propose(employee, kind, grounds, subdivision=None):
        return services.nomination_propose(
            actor=people.hr,
            kind=kind,
            employee=employee,
            subdivision=subdivision,
            grounds_ky=grounds,
            grounds_ru=grounds,
        )

    to_legal = propose(staff_objects["employee_legal"], honour, SECRET_LEGAL)
    to_own = propose(staff_objects["employee_own"], honour, SECRET_OWN)
    for nomination in (to_legal, to_own):
        services.nomination_approve(actor=people.chairman, nomination=nomination)
    sign(
        people,
        services.award_order_draft(actor=people.hr, nominations=[to_legal, to_own], approvers=[people.secretary]),
    )
    open_nomination = propose(EmployeeFactory(), honour, SECRET_OPEN, subdivision=legal)
    submitted = services.nomination_approve(
        actor=people.chairman, nomination=propose(EmployeeFactory(), state, SECRET_STATE, subdivision=finance)
    )
    to_legal.refresh_from_db()
    to_own.refresh_from_db()
    objects = {
        "award_kind": honour,
        "nomination_open": open_nomination,
        "nomination_state": submitted,
        "nomination_conferred": to_legal,
        "award_legal": to_legal.award,
        "award_own": to_own.award,
    }

    def reads(nomination):
        return lambda user: policy.can(user, "awards.view_nomination", nomination)

    secrets = [
        (SECRET_OPEN, reads(open_nomination)),
        (SECRET_STATE, reads(submitted)),
        # the grounds are in the order's points too: whoever reads the order reads them
        (SECRET_LEGAL, lambda user: reads(to_legal)(user) or policy.can(user, "orders.view_order", to_legal.order)),
        (SECRET_OWN, lambda user: reads(to_own)(user) or policy.can(user, "orders.view_order", to_own.order)),
    ]
    return objects, secrets
