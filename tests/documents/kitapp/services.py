from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from governance.access import policy
from tests.documents.kitapp.enums import LIFECYCLE, MemoStatus
from tests.documents.kitapp.models import Memo


@transaction.atomic
def memo_create(*, actor, title: str, body: str = "") -> Memo:
    policy.require(actor, "kitapp.add_memo")
    if "secret" in title.lower():
        raise ValidationError({"title": "A memo's title names no secret."})
    memo = Memo(title=title, body=body, author=actor)
    memo.full_clean()
    memo.save()
    log(instance=memo, action="wagtail.create", user=actor)
    return memo


def _take(action: str, memo: Memo, actor, status: str, **data) -> Memo:
    memo = Memo.objects.select_for_update().get(pk=memo.pk)
    policy.require(actor, LIFECYCLE.policy_action(action), memo)
    LIFECYCLE.check(action, memo)
    LIFECYCLE.check_end(action, status)
    memo.status = status
    memo.save(update_fields=["status", "updated_at"])
    log(instance=memo, action=LIFECYCLE.log_action(action), user=actor, data=data or None)
    return memo


@transaction.atomic
def memo_submit(*, memo: Memo, actor) -> Memo:
    return _take("submit", memo, actor, MemoStatus.SUBMITTED)


@transaction.atomic
def memo_approve(*, memo: Memo, actor, comment: str = "") -> Memo:
    return _take("approve", memo, actor, MemoStatus.APPROVED, comment=comment)


@transaction.atomic
def memo_send_back(*, memo: Memo, actor, reason: str) -> Memo:
    return _take("send_back", memo, actor, MemoStatus.DRAFT, reason=reason)
