"""Bodies for tests, built through the services: a valid collegium and a meeting of it."""

import datetime

from django.utils import timezone

from governance.bodies import services
from governance.bodies.enums import Basis, BodyKind, MemberRole
from tests.factories import UserFactory

TODAY = datetime.date(2026, 1, 1)


class Collegium:
    """The collegium of five: chair, deputy, state secretary (ex officio), a Government Office
    representative and a secretary; ``admin`` keeps the bodies, ``outsider`` sits on none."""

    def __init__(self, code="collegium", kind=BodyKind.COLLEGIUM, **body_fields):
        self.admin = UserFactory(username=f"{code}-admin", is_superuser=True)
        self.body = services.body_create(
            actor=self.admin,
            kind=kind,
            code=code,
            name_ky=f"Коллегия {code}",
            name_ru=f"Коллегия {code}",
            term_start=TODAY,
            **body_fields,
        )
        self.chair = self.seat("chair", MemberRole.CHAIR, Basis.EX_OFFICIO, post="chairman")
        self.deputy = self.seat("deputy", MemberRole.DEPUTY_CHAIR, Basis.EX_OFFICIO, post="deputy_chairman")
        self.state_secretary = self.seat("statesec", MemberRole.MEMBER, Basis.EX_OFFICIO, post="state_secretary")
        self.government = self.seat("gov", MemberRole.MEMBER, Basis.PRIME_MINISTER, represents_government_office=True)
        self.secretary = self.seat("secretary", MemberRole.SECRETARY, Basis.PRIME_MINISTER)
        self.outsider = UserFactory(username=f"{code}-outsider")

    def seat(self, name, role, basis, **fields):
        user = UserFactory(username=f"{self.body.code}-{name}", first_name=name.title(), last_name="Тестов")
        services.membership_add(
            actor=self.admin, body=self.body, user=user, role=role, basis=basis, starts_on=TODAY, **fields
        )
        return user

    @property
    def members(self):
        return [self.chair, self.deputy, self.state_secretary, self.government, self.secretary]

    def meeting(self, items=(("Биринчи маселе", "Первый вопрос"),), when=None):
        return services.meeting_schedule(
            actor=self.secretary,
            body=self.body,
            starts_at=when or timezone.now(),
            place="Бишкек, 1-зал",
            items=[(ky, ru, self.deputy) for ky, ru in items],
        )

    def held(self, present=None, **kwargs):
        meeting = self.meeting(**kwargs)
        return services.attendance_register(
            actor=self.secretary, meeting=meeting, present=self.members if present is None else present
        )
