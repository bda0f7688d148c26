import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from governance.bodies import services
from governance.bodies.models import OpenVote, SecretBallot, SecretParticipation
from tests.governance.bodies.factories import Collegium

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _fifty_at_once(poll, members):
    submissions = [(members[n % 5], ("for", "against", "abstain")[n % 3]) for n in range(50)]
    start = threading.Barrier(len(submissions))
    errors = []

    def submit(member, choice):
        try:
            start.wait()
            services.vote_cast(actor=member, poll=poll, choice=choice)
        except ValidationError:
            pass  # a second secret ballot is refused in the member's language
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=submit, args=submission) for submission in submissions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.parametrize("secret", [False, True])
def test_fifty_concurrent_submissions_from_five_members_leave_one_vote_each(roles, secret):
    collegium = Collegium()
    meeting = collegium.held()
    poll = services.poll_open(actor=collegium.secretary, item=meeting.items.get(), secret=secret)

    assert _fifty_at_once(poll, collegium.members) == []
    if secret:
        assert SecretParticipation.objects.filter(poll=poll).count() == 5
        assert SecretBallot.objects.filter(poll=poll).count() == 5
    else:
        voters = sorted(OpenVote.objects.filter(poll=poll).values_list("voter_id", flat=True))
        assert voters == sorted(member.pk for member in collegium.members)
