from wagtail.permissions import register_permission_policy

from governance.access.policy import has_permission, rule
from governance.access.wagtail import AccessPolicy
from tests.documents.kitapp.models import Memo


@rule("kitapp.view_memo")
def view_memo(user, memo=None):
    return memo is None or memo.author_id == user.pk or has_permission(user, "kitapp.approve_memo")


@rule("kitapp.add_memo")
def add_memo(user, memo=None):
    return True


@rule("kitapp.submit")
def submit(user, memo=None):
    return memo is not None and memo.author_id == user.pk


@rule("kitapp.approve")
def approve(user, memo=None):
    return has_permission(user, "kitapp.approve_memo")


rule("kitapp.send_back")(approve)


register_permission_policy(Memo, AccessPolicy(Memo))
