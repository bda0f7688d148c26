"""Changes to the structure: a subdivision saved from the admin, and the head's right moved to a new head."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from governance.access import objects, policy
from governance.structure.models import Subdivision
from governance.structure.permissions import CHANGE


@transaction.atomic
def subdivision_save(*, actor, subdivision: Subdivision) -> Subdivision:
    """Save a subdivision edited in the admin: the actor must be allowed to change it as it is stored,
    and may attach it only under a subdivision they may change too (a head keeps to their subtree;
    the subdivision they head stays where it is)."""
    stored = Subdivision.objects.select_for_update().get(pk=subdivision.pk)
    policy.require(actor, CHANGE, stored)
    moved = subdivision.parent_id != stored.parent_id
    # the model right (HR) places a subdivision anywhere; a right on a subtree, within it
    may_place = policy.can(actor, CHANGE) or (
        subdivision.parent is not None and policy.can(actor, CHANGE, subdivision.parent)
    )
    if moved and not may_place:
        raise ValidationError(
            {"parent": _("You may move a subdivision only within the part of the structure you may change.")},
            code="outside_subtree",
        )
    subdivision.full_clean()
    subdivision.save()
    log(instance=subdivision, action="wagtail.edit", user=actor)
    return subdivision


@transaction.atomic
def subdivision_head_set(*, actor, subdivision: Subdivision, head) -> None:
    """Give ``head`` the right to change ``subdivision`` and its subtree, and take it from whoever
    held it on that subdivision before (``head`` None: from everyone)."""
    policy.require(actor, CHANGE)  # the model right: who keeps the structure (HR)
    subdivision = Subdivision.objects.select_for_update().get(pk=subdivision.pk)
    head_right_follows(subdivision=subdivision, leaving=None, coming=head, actor=actor)


def head_right_follows(*, subdivision: Subdivision, leaving, coming, actor, alone: bool = True) -> None:
    """Move the head's right on ``subdivision`` as its head's post changes hands: from ``leaving``,
    or (``leaving`` None and ``alone``) from everyone but ``coming``; to ``coming`` (None: nobody).
    Asks no policy question: it is called by ``subdivision_head_set`` and by a personnel action
    taking effect (the signed order or the external act is the decision). Someone acting in the
    post (``alone`` false) gets the right beside the holder."""
    for holder in objects.users_holding(CHANGE, subdivision):
        if (leaving is not None and holder.pk == leaving.pk) or (
            leaving is None and alone and (coming is None or holder.pk != coming.pk)
        ):
            objects.revoke(holder, CHANGE, subdivision)
    if coming is not None:
        objects.grant(coming, CHANGE, subdivision)
    log(instance=subdivision, action="wagtail.edit", user=actor)
