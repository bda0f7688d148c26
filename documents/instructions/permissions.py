"""Who may do what with instructions. The rules answer "who"; the table in enums.py says "when".

- The author and the controller control: they accept or return a report, grant or refuse an
  extension, and close the instruction (take it off control); only the author cancels it.
- The responsible executor reports and asks for extensions; co-executors contribute to the
  report (their notes go to the responsible executor, not to the controller).
- Whoever takes part in an instruction or in its parent sees it, and so do holders of the model
  permission ``documents.view_instruction`` (the chairman, the records office).
"""

from django.db.models import Q

from documents.instructions.models import Instruction
from governance.access.policy import has_permission, list_filter, rule

ROLES_IN = ("author", "controller", "executor", "co_executors")


def _takes_part(user, instruction: Instruction) -> bool:
    return instruction.pk is not None and (
        user.pk in (instruction.author_id, instruction.controller_id, instruction.executor_id)
        or any(c.pk == user.pk for c in instruction.co_executors.all())
    )


def _controls(user, instruction: Instruction | None) -> bool:
    return instruction is not None and user.pk in (instruction.author_id, instruction.controller_id)


def _executes(user, instruction: Instruction | None) -> bool:
    return instruction is not None and instruction.executor_id == user.pk


@rule("documents.view_instruction")
def view_instruction(user, instruction=None):
    """Without an instruction: may open the list, which ``visible_instructions`` narrows."""
    if instruction is None or has_permission(user, "documents.view_instruction"):
        return True
    return _takes_part(user, instruction) or (instruction.parent is not None and _takes_part(user, instruction.parent))


@list_filter("documents.view_instruction")
def visible_instructions(user, queryset):
    if has_permission(user, "documents.view_instruction"):
        return queryset
    mine = Q()
    for role in ROLES_IN:
        mine |= Q(**{role: user}) | Q(**{f"parent__{role}": user})
    return queryset.filter(pk__in=Instruction.objects.filter(mine).values("pk"))


@rule("documents.add_instruction")
def add_instruction(user, parent=None):
    """Issue an instruction; a sub-instruction is also given by the parent's executor or controllers."""
    if has_permission(user, "documents.add_instruction"):
        return True
    return isinstance(parent, Instruction) and (_executes(user, parent) or _controls(user, parent))


for action in ("accept", "return", "grant", "refuse", "close"):
    rule(f"documents.instruction_{action}")(_controls)
rule("documents.instruction_report")(_executes)
rule("documents.instruction_request_extension")(_executes)


@rule("documents.instruction_contribute")
def contribute(user, instruction=None):
    return instruction is not None and any(c.pk == user.pk for c in instruction.co_executors.all())


@rule("documents.instruction_cancel")
def cancel(user, instruction=None):
    return instruction is not None and instruction.author_id == user.pk


@rule("documents.view_discipline_report")
def view_discipline_report(user, obj=None):
    return has_permission(user, "documents.view_instruction")
